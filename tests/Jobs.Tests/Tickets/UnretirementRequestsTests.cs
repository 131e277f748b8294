using Releng.Jobs.Tickets;

namespace Releng.Jobs.Tests.Tickets;

/// <summary>Which tickets are the unretire job's: the scm-requests job leaves exactly these, so the two never meet on a ticket.</summary>
public sealed class UnretirementRequestsTests
{
    private static Ticket Ticket(string title, string body) => new(
        "forge:releng/fedora-scm-requests", 1, title, body, "jdoe", true, null, null, [], false,
        DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null, new Dictionary<string, string>(), [], "https://forge.example/1");

    [Theory]
    [InlineData("```json\n{\"action\": \"unretirement\", \"repo\": \"foo\", \"namespace\": \"rpms\", \"branches\": [\"rawhide\"]}\n```")]
    [InlineData("{\"action\": \"request-unretirement\", \"repo\": \"foo\"}")]
    [InlineData("{\"action\": \"Unretire\", \"name\": \"foo\"}")]
    public void A_request_whose_action_names_an_unretirement_is_one_whatever_its_title(string body)
    {
        Assert.True(UnretirementRequests.Claims(Ticket("New request", body)));
    }

    [Theory]
    [InlineData("{\"action\": \"new_branch\", \"repo\": \"foo\", \"namespace\": \"rpms\", \"branch\": \"f43\"}")]
    [InlineData("{\"action\": 5, \"repo\": \"foo\"}")]
    public void A_request_with_another_action_is_left_to_scm_requests_even_titled_unretire(string body)
    {
        Assert.False(UnretirementRequests.Claims(Ticket("Unretire rpms/foo", body)));
    }

    [Theory]
    [InlineData("{\"action\": \"unretirement\", \"action\": \"new_repo\", \"repo\": \"foo\"}")]
    [InlineData("{\"action\": \"unretirement\", \"repo\": }")]
    [InlineData("Branches: rawhide")]
    public void Without_a_readable_action_the_title_decides(string body)
    {
        Assert.True(UnretirementRequests.Claims(Ticket("Unretire rpms/foo", body)));
        Assert.False(UnretirementRequests.Claims(Ticket("New Repo for rpms/foo", body)));
    }

    [Fact]
    public void A_hand_written_ticket_is_one_when_its_title_says_unretire()
    {
        Assert.True(UnretirementRequests.Claims(Ticket("Please UNRETIRE rpms/foo", "Branches: rawhide")));
        Assert.False(UnretirementRequests.Claims(Ticket("Mass rebuild for Fedora 45", "")));
    }
}
