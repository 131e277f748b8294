using System.Reflection;
using Cake.Core;

namespace Releng.Build.Hosting;

/// <summary>
/// Registers task objects with Cake's engine the way Frosting does: a body, criteria, error and finally handlers are
/// registered only when the task overrides them, so a task without a body is a "delegated" grouping task.
/// </summary>
internal static class TaskRegistrar
{
    public static string NameOf(Type type) => type.GetCustomAttribute<TaskNameAttribute>()?.Name ?? type.Name;

    public static void Register(ICakeEngine engine, IEnumerable<IFrostingTask> tasks, Type contextType)
    {
        foreach (var task in tasks)
        {
            var type = task.GetType();
            var taskContext = ContextTypeOf(type);
            if (!taskContext.IsAssignableFrom(contextType))
            {
                throw new FrostingException($"task '{NameOf(type)}' needs a {taskContext.Name}, but the host's context is {contextType.Name}");
            }
            var builder = engine.RegisterTask(NameOf(type));
            if (type.GetCustomAttribute<TaskDescriptionAttribute>() is { } description)
            {
                builder.Description(description.Description);
            }
            if (Overrides(type, "Run") || Overrides(type, "RunAsync"))
            {
                builder.Does(task.RunAsync);
            }
            if (Overrides(type, "ShouldRun"))
            {
                builder.WithCriteria(task.ShouldRun, task.SkippedMessage);
            }
            if (type.GetCustomAttribute<ContinueOnErrorAttribute>() is not null)
            {
                builder.ContinueOnError();
            }
            if (Overrides(type, "OnError"))
            {
                builder.OnError((exception, context) => task.OnError(exception, context));
            }
            if (Overrides(type, "Finally"))
            {
                builder.Finally(task.Finally);
            }
            foreach (var dependency in type.GetCustomAttributes<IsDependentOnAttribute>())
            {
                builder.IsDependentOn(NameOfTask(dependency.Task));
            }
            foreach (var dependee in type.GetCustomAttributes<IsDependeeOfAttribute>())
            {
                builder.IsDependeeOf(NameOfTask(dependee.Task));
            }
        }
    }

    private static string NameOfTask(Type type) => typeof(IFrostingTask).IsAssignableFrom(type)
        ? NameOf(type)
        : throw new FrostingException($"'{type.Name}' is named as a dependency but is not a task");

    private static Type ContextTypeOf(Type type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && (t.GetGenericTypeDefinition() == typeof(FrostingTask<>) || t.GetGenericTypeDefinition() == typeof(AsyncFrostingTask<>)))
            {
                return t.GetGenericArguments()[0];
            }
        }
        return typeof(ICakeContext);
    }

    private static bool Overrides(Type type, string method) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Any(m => m.Name == method && m.DeclaringType != m.GetBaseDefinition().DeclaringType);
}
