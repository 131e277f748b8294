using Releng.Jobs.Koji;
using Releng.Jobs.Koji.XmlRpc;

namespace Releng.Jobs.Sandbox.Koji;

/// <summary>Tasks: listTasks and getTaskInfo rows.</summary>
internal sealed partial class KojiHub
{
    private object ListTasks(KojiHubArguments a)
    {
        var opts = a.Struct("opts") ?? new XmlRpcStruct();
        IEnumerable<KojiWorldTask> tasks = world.Tasks;
        if (opts.GetStringOrNull("method") is { } method)
        {
            tasks = tasks.Where(t => t.Method == method);
        }
        if (opts.GetOrNull("state") is IReadOnlyList<object?> states)
        {
            var wanted = states.OfType<int>().ToHashSet();
            tasks = tasks.Where(t => wanted.Contains(t.State));
        }
        if (opts.GetOrNull("owner") is { } owner)
        {
            // The hub formats owner into its query as an integer (%(owner)i); a user name fails there (text inferred).
            var id = owner is int number ? number : throw new KojiHubFault(1, "<class 'TypeError'>: %i format: a real number is required, not str");
            tasks = tasks.Where(t => t.OwnerId == id);
        }
        var decode = opts.GetBoolean("decode");
        var rows = tasks.Select(t => TaskRow(t, withRequest: true, decode, withOwnerName: true)).ToList();
        return ApplyQueryOpts(rows, a.Struct("queryOpts"));
    }

    private XmlRpcStruct? GetTaskInfo(KojiHubArguments a)
    {
        var id = a.Int("task_id");
        var task = world.Tasks.FirstOrDefault(t => t.Id == id);
        if (task is null)
        {
            return a.Flag("strict") ? throw KojiHubFault.Generic($"No such task: {id}") : null;
        }
        return TaskRow(task, a.Flag("request"), decode: true, withOwnerName: false);
    }

    /// <summary>listTasks joins the owner's name in; getTaskInfo reads the task table alone, so it has no <c>owner_name</c>.</summary>
    private XmlRpcStruct TaskRow(KojiWorldTask task, bool withRequest, bool decode, bool withOwnerName)
    {
        var row = new XmlRpcStruct
        {
            ["arch"] = task.Arch,
            ["awaited"] = null,
            ["channel_id"] = 1,
            ["completion_time"] = Time(task.CompletionTime),
            ["completion_ts"] = Ts(task.CompletionTime),
            ["create_time"] = KojiTime.Format(task.CreateTime),
            ["create_ts"] = KojiTime.ToEpochSeconds(task.CreateTime),
            ["host_id"] = task.State is 1 or 4 ? 1 : null,
            ["id"] = task.Id,
            ["label"] = null,
            ["method"] = task.Method,
            ["owner"] = task.OwnerId,
            ["parent"] = null,
            ["priority"] = task.Priority,
            ["start_time"] = Time(task.StartTime),
            ["start_ts"] = Ts(task.StartTime),
            ["state"] = task.State,
            ["waiting"] = null,
            ["weight"] = 1.0,
        };
        if (withOwnerName)
        {
            row["owner_name"] = UserName(task.OwnerId);
        }
        if (withRequest)
        {
            row["request"] = decode ? KojiWorld.DecodeRequest(task.RequestXml).ToList() : task.RequestXml;
        }
        return row;
    }
}
