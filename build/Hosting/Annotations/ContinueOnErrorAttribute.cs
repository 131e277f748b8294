namespace Releng.Build.Hosting;

/// <summary>A failure of this task is reported but does not fail the run.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ContinueOnErrorAttribute : Attribute;
