using Microsoft.Extensions.DependencyInjection;

namespace FlyteSharp.DependencyInjection;

/// <summary>
/// Returned by <c>services.AddFlyteSharp(...)</c>; generated <c>Add{Class}()</c> and
/// <c>AddGeneratedFlyteTasks()</c> extension methods hang off it.
/// </summary>
public interface IFlyteBuilder
{
    /// <summary>The service collection FlyteSharp registers into.</summary>
    IServiceCollection Services { get; }
}
