namespace Releng.Jobs.Registry;

/// <summary>Runs an external tool to completion. A seam so tests can record or replace the commands.</summary>
public interface IToolRunner
{
    /// <exception cref="ToolNotFoundException">The executable does not exist.</exception>
    Task<ToolResult> RunAsync(ToolInvocation invocation, CancellationToken cancellationToken);
}
