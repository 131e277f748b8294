namespace Releng.Jobs.Configuration;

public enum ParameterKind { Text, Integer, Boolean, TextList }

/// <summary>One parameter a task accepts under <c>with:</c>.</summary>
public sealed record ParameterSpec(
    string Name,
    ParameterKind Kind,
    string Description,
    bool Required = false,
    object? Default = null,
    IReadOnlyList<string>? Choices = null);
