using System.Collections.Concurrent;
using Releng.Jobs.Registry;

namespace Releng.Jobs.Tests.Registry;

/// <summary>Runs the real tools and records every invocation, so tests can assert what the command lines held.</summary>
internal sealed class RecordingToolRunner(Action<ToolInvocation>? beforeRun = null) : IToolRunner
{
    private readonly ProcessToolRunner _inner = new();
    private readonly ConcurrentQueue<ToolInvocation> _invocations = new();

    public IReadOnlyList<ToolInvocation> Invocations => _invocations.ToList();

    public Task<ToolResult> RunAsync(ToolInvocation invocation, CancellationToken cancellationToken)
    {
        _invocations.Enqueue(invocation);
        beforeRun?.Invoke(invocation);
        return _inner.RunAsync(invocation, cancellationToken);
    }
}
