using System.Text.Json;
using Releng.Jobs.Configuration;

namespace Releng.Jobs.Tests.Configuration;

public sealed class JobsSchemaTests
{
    [Fact]
    public void The_committed_schema_matches_the_task_catalog()
    {
        var committed = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "jobs.schema.json"));

        Assert.True(JobsSchema.Generate(TaskCatalog.Default) == committed,
            "jobs.schema.json is out of date: run ./build.sh --target=workflows to regenerate it");
    }

    [Fact]
    public void Each_task_is_a_variant_with_its_parameters_and_choices()
    {
        using var schema = JsonDocument.Parse(JobsSchema.Generate(TaskCatalog.Default));
        var variants = schema.RootElement.GetProperty("properties").GetProperty("jobs")
            .GetProperty("additionalProperties").GetProperty("oneOf").EnumerateArray().ToList();

        var unretire = variants.Single(v => v.GetProperty("properties").GetProperty("task").GetProperty("const").GetString() == "unretire");
        var with = unretire.GetProperty("properties").GetProperty("with");
        Assert.Equal(["report", "recent", "all"], with.GetProperty("properties").GetProperty("phase").GetProperty("enum")
            .EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["phase"], with.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(TaskCatalog.Default.All.Count, variants.Count);
    }

    [Fact]
    public void Every_key_the_committed_jobs_yaml_gives_a_service_environment_is_one_the_schema_allows()
    {
        var file = new JobsFileLoader(TaskCatalog.Default).Load(Path.Combine(RepositoryRoot.Find(), "jobs.yaml"));
        using var schema = JsonDocument.Parse(JobsSchema.Generate(TaskCatalog.Default));
        var allowed = schema.RootElement.GetProperty("properties").GetProperty("services").GetProperty("additionalProperties")
            .GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet();
        var yaml = new YamlDotNet.RepresentationModel.YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(file.Path!)));
        var services = (YamlDotNet.RepresentationModel.YamlMappingNode)((YamlDotNet.RepresentationModel.YamlMappingNode)yaml.Documents[0].RootNode)["services"];

        var used = services.Children.Values.Cast<YamlDotNet.RepresentationModel.YamlMappingNode>()
            .SelectMany(environment => environment.Children.Keys.Select(k => k.ToString())).Distinct().ToList();

        Assert.Contains("forge", used);
        Assert.All(used, key => Assert.Contains(key, allowed));
    }

    [Fact]
    public void A_service_bound_is_a_whole_number_from_1_to_32_for_a_known_service()
    {
        using var schema = JsonDocument.Parse(JobsSchema.Generate(TaskCatalog.Default));
        var concurrency = schema.RootElement.GetProperty("properties").GetProperty("services").GetProperty("additionalProperties")
            .GetProperty("properties").GetProperty("concurrency");

        Assert.Equal(Services.ServiceName.Every, concurrency.GetProperty("propertyNames").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        var bound = concurrency.GetProperty("additionalProperties");
        Assert.Equal(("integer", 1, 32), (bound.GetProperty("type").GetString(), bound.GetProperty("minimum").GetInt32(), bound.GetProperty("maximum").GetInt32()));
    }
}
