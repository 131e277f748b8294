using Releng.Jobs.Tickets;
using Releng.Jobs.Unretire;

namespace Releng.Jobs.Tests.Unretire;

public sealed class UnretireTicketParserTests
{
    private static Ticket Ticket(string title, string body, string author = "jdoe", params TicketComment[] comments) =>
        new("releng", 1, title, body, author, true, null, null, [], false, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null,
            new Dictionary<string, string>(), comments, "https://pagure.io/releng/issue/1");

    [Fact]
    public void Free_text_ticket_names_package_in_title_and_branches_in_body()
    {
        var parse = UnretireTicketParser.Parse(Ticket("Unretire rpms/python-pyte", "Hi,\nBranches: rawhide, f43\nReview bug: 2300001"));

        var request = Assert.IsType<UnretireRequest>(parse.Request);
        Assert.Equal("rpms/python-pyte", request.Repo.FullName);
        Assert.Equal(["rawhide", "f43"], request.Branches);
        Assert.Equal(2300001, request.ReviewBug);
        Assert.Equal("jdoe", request.Recipient);
    }

    [Fact]
    public void Fedpkg_json_ticket_is_read_with_its_maintainer()
    {
        var parse = UnretireTicketParser.Parse(Ticket("Unretire rpms/libfoo",
            """{"name": "libfoo", "type": "rpms", "branches": ["rawhide", "epel9"], "review_bugzilla": "2400001", "maintainer": "alice"}"""));

        var request = Assert.IsType<UnretireRequest>(parse.Request);
        Assert.Equal(["rawhide", "epel9"], request.Branches);
        Assert.Equal(2400001, request.ReviewBug);
        Assert.Equal("alice", request.Recipient);
        Assert.Equal("jdoe", request.Requester);
    }

    [Fact]
    public void Json_naming_the_package_twice_is_refused_rather_than_taking_either_name()
    {
        var parse = UnretireTicketParser.Parse(Ticket("Unretire rpms/libfoo",
            "{\"name\": \"libfoo\", \"name\": \"<img src=x onerror=alert(1)>\", \"branches\": [\"rawhide\"]}"));

        Assert.Null(parse.Request);
        Assert.Equal(["a readable request: the key `name` is given twice (again at line 1, column 20); give each key once"], parse.Problems);
    }

    [Fact]
    public void Json_naming_the_package_under_two_spellings_is_refused()
    {
        var parse = UnretireTicketParser.Parse(Ticket("Unretire rpms/libfoo", """{"name": "libfoo", "package": "evil", "branches": ["rawhide"]}"""));

        Assert.Equal(["a readable request: `name` and `package` name the same thing; give one of them"], parse.Problems);
    }

    [Fact]
    public void Json_with_branches_of_the_wrong_type_is_refused_with_the_key_and_where()
    {
        var parse = UnretireTicketParser.Parse(Ticket("Unretire rpms/libfoo", """{"name": "libfoo", "branches": {"rawhide": true}}"""));

        Assert.Equal(["a readable request: `branches` must be a list or a string, not an object (line 1, column 20)"], parse.Problems);
    }

    [Fact]
    public void Package_without_namespace_is_an_rpm_and_branches_may_follow_for_in_the_title()
    {
        var request = UnretireTicketParser.Parse(Ticket("Please unretire python-pyte for f43 and rawhide", "")).Request!;

        Assert.Equal("rpms/python-pyte", request.Repo.FullName);
        Assert.Equal(["f43", "rawhide"], request.Branches);
    }

    [Fact]
    public void Review_bug_added_later_by_the_requester_counts_but_not_one_from_someone_else()
    {
        var ticket = Ticket("Unretire rpms/oldpkg", "Branches: rawhide", "bob",
            new TicketComment(1, "bob", "Review bug: https://bugzilla.redhat.com/show_bug.cgi?id=2400001", DateTimeOffset.UnixEpoch),
            new TicketComment(2, "mallory", "rhbz#2400666", DateTimeOffset.UnixEpoch));

        Assert.Equal(2400001, UnretireTicketParser.Parse(ticket).Request!.ReviewBug);
    }

    [Fact]
    public void Ticket_without_a_package_says_what_it_needs()
    {
        var parse = UnretireTicketParser.Parse(Ticket("Unretire request", "Please bring my package back."));

        Assert.Null(parse.Request);
        Assert.Equal(["the package: put `Unretire <namespace>/<name>` in the title, e.g. `Unretire rpms/python-pyte`"], parse.Problems);
    }

    [Fact]
    public void A_sentence_naming_the_package_and_its_branches_is_understood()
    {
        var request = UnretireTicketParser.Parse(Ticket("Unretirement request", "Please unretire rpms/foo for branches: rawhide f43")).Request!;

        Assert.Equal("rpms/foo", request.Repo.FullName);
        Assert.Equal(["rawhide", "f43"], request.Branches);
        Assert.Equal("package rpms/foo from a sentence; branches rawhide f43 (from the text)", request.Reading);
    }

    [Fact]
    public void Taking_over_a_package_in_a_branch_is_an_rpm_on_that_branch()
    {
        var request = UnretireTicketParser.Parse(Ticket("Unretire request", "Hello, I'd like to take over foo in rawhide.")).Request!;

        Assert.Equal("rpms/foo", request.Repo.FullName);
        Assert.Equal(["rawhide"], request.Branches);
        Assert.Equal("package rpms/foo (no namespace given: an rpm) from a sentence; branches rawhide (from the text)", request.Reading);
    }

    [Fact]
    public void A_ticket_naming_no_branch_asks_for_rawhide_and_says_it_assumed_so()
    {
        var request = UnretireTicketParser.Parse(Ticket("Unretire rpms/python-pyte", "I would like to maintain it again.")).Request!;

        Assert.Equal(["rawhide"], request.Branches);
        Assert.Equal("package rpms/python-pyte from the title; branches rawhide (no branch named: the default)", request.Reading);
    }

    [Fact]
    public void Branches_named_anywhere_in_the_description_are_taken_each_once()
    {
        var request = UnretireTicketParser.Parse(Ticket("Unretire rpms/python-pyte", "Could you do rawhide and epel10.1? Also f43, and rawhide again.")).Request!;

        Assert.Equal(["rawhide", "epel10.1", "f43"], request.Branches);
    }

    [Theory]
    [InlineData("Unretire rpms/../../etc/passwd", "Branches: rawhide", "invalid repository `rpms/../../etc/passwd`")]
    [InlineData("Unretire rpms/my package", "Branches: rawhide", "invalid repository name `my package`")]
    [InlineData("Unretire rpms/foo;rm", "Branches: rawhide", "invalid repository name `foo;rm`")]
    [InlineData("Unretire rpms/pÿte", "Branches: rawhide", "invalid repository name `pU+00FFte`")]
    [InlineData("Unretire rpms/pyte", "Branches: rawhide $(id)", "invalid branch `$(id)`")]
    [InlineData("Unretire rpms/pyte", "Branches: --upload-pack=evil", "invalid branch `--upload-pack=evil`")]
    [InlineData("Unretire rpms/pyte", "Branches: f43é", "invalid branch `f43U+00E9`")]
    public void Hostile_names_are_refused_with_the_rule_they_break(string title, string body, string expected)
    {
        var parse = UnretireTicketParser.Parse(Ticket(title, body));

        Assert.Null(parse.Request);
        Assert.Contains(parse.Problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Overlong_package_name_is_refused()
    {
        var parse = UnretireTicketParser.Parse(Ticket("Unretire rpms/" + new string('a', 300), "Branches: rawhide"));

        Assert.Null(parse.Request);
        Assert.Contains(parse.Problems, p => p.Contains("at most 64", StringComparison.Ordinal));
    }

    [Fact]
    public void Json_with_a_newline_in_a_branch_is_refused()
    {
        var parse = UnretireTicketParser.Parse(Ticket("Unretire rpms/pyte", """{"name": "pyte", "branches": ["rawhide\nf43"]}"""));

        Assert.Contains(parse.Problems, p => p.Contains("`rawhideU+000Af43`", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_titles_saying_unretire_are_unretirement_requests()
    {
        Assert.True(UnretirementRequests.Claims(Ticket("Please UNRETIRE foo", "")));
        Assert.False(UnretirementRequests.Claims(Ticket("Mass rebuild for Fedora 45", "")));
    }
}
