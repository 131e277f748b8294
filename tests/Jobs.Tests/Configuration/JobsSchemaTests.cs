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
}
