namespace Releng.Jobs.Sandbox.Bodhi;

/// <summary>A release row of the fake Bodhi, with the fields Bodhi's <c>/releases/</c> sends.</summary>
public sealed class BodhiReleaseRecord
{
    public string Name { get; set; } = "";
    public string LongName { get; set; } = "";
    public string Version { get; set; } = "";
    public string IdPrefix { get; set; } = "FEDORA";
    public string Branch { get; set; } = "";
    public string DistTag { get; set; } = "";
    public string StableTag { get; set; } = "";
    public string TestingTag { get; set; } = "";
    public string CandidateTag { get; set; } = "";
    public string PendingSigningTag { get; set; } = "";
    public string PendingTestingTag { get; set; } = "";
    public string PendingStableTag { get; set; } = "";
    public string OverrideTag { get; set; } = "";
    public string MailTemplate { get; set; } = "";
    public string State { get; set; } = "current";
    public bool ComposedByBodhi { get; set; } = true;
    public string PackageManager { get; set; } = "dnf";
    public string TestingRepository { get; set; } = "updates-testing";
}
