using System.ComponentModel;
using System.Diagnostics;

namespace Releng.Jobs.Registry;

/// <summary>Runs tools as child processes with an argument list; cancelling kills the whole process tree.</summary>
public sealed class ProcessToolRunner : IToolRunner
{
    public async Task<ToolResult> RunAsync(ToolInvocation invocation, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(invocation.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in invocation.Arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in invocation.Environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new ToolNotFoundException(invocation.FileName, e);
        }
        // The tools never read input; closing it makes any prompt fail at once instead of hanging the run.
        process.StandardInput.Close();

        using var output = new MemoryStream();
        var readOutput = process.StandardOutput.BaseStream.CopyToAsync(output, CancellationToken.None);
        var readError = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw;
        }
        await readOutput;
        var error = await readError;
        return new ToolResult(process.ExitCode, output.ToArray(), error);
    }
}
