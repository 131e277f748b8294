using Cake.Core;

namespace Releng.Build.Hosting;

/// <summary>Base for a typed build context: Cake's context plus whatever state the tasks share.</summary>
public class FrostingContext(ICakeContext context) : CakeContextAdapter(context), IFrostingContext;

public interface IFrostingContext : ICakeContext;
