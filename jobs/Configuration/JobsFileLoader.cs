using System.Globalization;
using Quartz;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Releng.Jobs.Configuration;

/// <summary>
/// Loads jobs.yaml strictly (unknown keys, duplicate keys and missing required members are errors), then checks
/// what the types cannot: crons, task names, parameters. Every error names the file, line and column.
/// </summary>
public sealed class JobsFileLoader(TaskCatalog catalog)
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithDuplicateKeyChecking()
        .WithEnforceRequiredMembers()
        .Build();

    public JobsFile Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ConfigurationException(new SourceMark(path), "file not found");
        }
        return Parse(File.ReadAllText(path), path);
    }

    public JobsFile Parse(string yaml, string path)
    {
        JobsFile? file;
        var positions = new YamlPositions();
        try
        {
            YamlProblems.CheckDuplicateKeys(yaml, path);
            file = Deserializer.Deserialize<JobsFile?>(yaml);
            positions.Read(yaml);
        }
        catch (YamlException e)
        {
            throw YamlProblems.Explain(yaml, path, e);
        }
        if (file is null || file.Jobs is not { Count: > 0 })
        {
            // An empty file would run nothing and report success: almost always a wrong --config or a lost edit.
            throw new ConfigurationException(file is null ? new SourceMark(path) : At(path, positions.Key("jobs")),
                "defines no jobs; add at least one entry under 'jobs:'");
        }
        file.Path = path;
        foreach (var (name, job) in file.Jobs)
        {
            job.At = At(path, positions.Key("jobs", name));
            var marks = new Dictionary<string, SourceMark>(StringComparer.Ordinal);
            foreach (var key in positions.KeysUnder("jobs", name))
            {
                marks[key] = At(path, positions.Value("jobs", name, key));
            }
            foreach (var key in job.With.Keys)
            {
                marks[$"with.{key}"] = At(path, positions.Value("jobs", name, "with", key));
            }
            job.Marks = marks;
        }
        Validate(file, path, positions);
        return file;
    }

    private static SourceMark At(string path, Mark mark) => new(path, mark.Line, mark.Column);

    private void Validate(JobsFile file, string path, YamlPositions at)
    {
        ConfigurationException Error(Mark mark, string problem) => new(path, mark.Line, mark.Column, problem);

        foreach (var (environment, urls) in file.Services)
        {
            foreach (var (service, bound) in urls.Concurrency ?? [])
            {
                if (!Services.ServiceName.Every.Contains(service))
                {
                    throw Error(at.Key("services", environment, "concurrency", service),
                        $"services.{environment}.concurrency: unknown service '{service}'; expected one of: {string.Join(", ", Services.ServiceName.Every)}");
                }
                if (bound is < 1 or > ServiceUrls.MaxConcurrency)
                {
                    throw Error(at.Value("services", environment, "concurrency", service),
                        $"services.{environment}.concurrency.{service}: {bound} requests at once; expected 1 to {ServiceUrls.MaxConcurrency}");
                }
            }
        }

        foreach (var (name, job) in file.Jobs)
        {
            if (!JobName.IsValid(name))
            {
                throw Error(at.Key("jobs", name), $"job name '{name}' must be lower-case letters, digits and dashes");
            }
            var spec = catalog.Find(job.Task)
                ?? throw Error(at.Value("jobs", name, "task"),
                    $"unknown task '{job.Task}' in job '{name}'; expected one of: {string.Join(", ", catalog.All.Select(s => s.Name))}");
            if (job.Schedule is not null && CronProblem(job.Schedule) is { } cronProblem)
            {
                throw Error(at.Value("jobs", name, "schedule"), $"job '{name}': schedule '{job.Schedule}' {cronProblem}");
            }
            foreach (var (key, value) in job.With)
            {
                var parameter = spec.Parameter(key)
                    ?? throw Error(at.Key("jobs", name, "with", key),
                        $"task '{spec.Name}' has no parameter '{key}'; expected one of: {string.Join(", ", spec.Parameters.Select(p => p.Name))}");
                if (ValueProblem(parameter, value) is { } problem)
                {
                    throw Error(at.Value("jobs", name, "with", key), $"job '{name}', parameter '{key}': {problem}");
                }
            }
            foreach (var missing in spec.Parameters.Where(p => p.Required && !job.With.ContainsKey(p.Name)))
            {
                throw Error(at.Key("jobs", name), $"job '{name}' (task '{spec.Name}') needs parameter '{missing.Name}' under 'with': {missing.Description}");
            }
        }
    }

    /// <summary>Null when the expression is a valid 5-field cron that GitHub Actions and Quartz both accept.</summary>
    public static string? CronProblem(string cron)
    {
        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (cron.TrimStart().StartsWith('@'))
        {
            return "is a macro; GitHub Actions needs five fields (minute hour day-of-month month day-of-week)";
        }
        if (fields.Length != 5)
        {
            return $"has {fields.Length} fields; expected five (minute hour day-of-month month day-of-week, UTC)";
        }
        return CronExpression.TryParse(cron, CronFormat.Unix, out _)
            ? null
            : "is not a valid cron expression (minute hour day-of-month month day-of-week, UTC)";
    }

    private static string? ValueProblem(ParameterSpec parameter, object? value) => parameter.Kind switch
    {
        _ when value is null => "has no value",
        ParameterKind.Text when value is not string => "expected text",
        ParameterKind.Text when parameter.Choices is { } choices && !choices.Contains((string)value) =>
            $"'{value}' is not one of: {string.Join(", ", choices)}",
        ParameterKind.Integer when value is not string s || !int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out _) =>
            "expected a whole number",
        ParameterKind.Boolean when value is not string b || !bool.TryParse(b, out _) => "expected true or false",
        ParameterKind.TextList when value is not List<object> list || list.Any(i => i is not string) => "expected a list of text",
        _ => null,
    };

    /// <summary>Where each key and value stands in the file, for error messages about the typed model.</summary>
    private sealed class YamlPositions
    {
        private YamlNode? _root;

        public void Read(string yaml)
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            _root = stream.Documents.FirstOrDefault()?.RootNode;
        }

        public Mark Key(params string[] path) => Find(path, key: true);

        /// <summary>The scalar keys of the mapping at <paramref name="path"/>.</summary>
        public IEnumerable<string> KeysUnder(params string[] path)
        {
            var node = _root;
            foreach (var segment in path)
            {
                node = (node as YamlMappingNode)?.Children.FirstOrDefault(c => c.Key is YamlScalarNode s && s.Value == segment).Value;
            }
            return node is YamlMappingNode map ? map.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value!) : [];
        }

        public Mark Value(params string[] path) => Find(path, key: false);

        private Mark Find(string[] path, bool key)
        {
            var node = _root;
            var mark = node?.Start ?? Mark.Empty;
            foreach (var segment in path)
            {
                if (node is not YamlMappingNode map)
                {
                    break;
                }
                var entry = map.Children.FirstOrDefault(c => c.Key is YamlScalarNode s && s.Value == segment);
                if (entry.Key is null)
                {
                    break;
                }
                mark = key ? entry.Key.Start : entry.Value.Start;
                node = entry.Value;
            }
            return mark;
        }
    }
}
