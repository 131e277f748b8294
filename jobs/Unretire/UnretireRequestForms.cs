namespace Releng.Jobs.Unretire;

/// <summary>The forms an unretirement request is read in, as the plan names them (docs/jobs/unretire.md shows each).</summary>
public static class UnretireRequestForms
{
    /// <summary>A hand-written ticket: <c>Unretire rpms/foo</c> in the title, <c>Branches: …</c> in the description.</summary>
    public const string FreeText = "free text";

    /// <summary>A JSON object in the description without an <c>action</c> (the older fedpkg form, in <c>releng/tickets</c>).</summary>
    public const string Json = "JSON without action";

    /// <summary>A request JSON as <c>fedpkg request-unretirement</c> files it in fedora-scm-requests, fenced or bare.</summary>
    public static string Request(string action) => $"fedpkg request JSON (action {action})";
}
