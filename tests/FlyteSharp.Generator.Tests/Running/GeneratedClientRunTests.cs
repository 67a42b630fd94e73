using System.Reflection;
using Flyteidl.Core;
using FlyteSharp.Generator.Tests.Infrastructure;
using FlyteSharp.Running;
using Microsoft.Extensions.DependencyInjection;

namespace FlyteSharp.Generator.Tests.Running;

/// <summary>
/// Compiles generated clients and runs them: registration through <c>AddGeneratedFlyteTasks()</c>, inputs
/// encoded by name, the user's method run with the runner's token, outputs encoded and decoded.
/// These need <c>LiteralConverter</c> (branch literals) to encode and decode values.
/// </summary>
public sealed class GeneratedClientRunTests
{
    private const string Tasks = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using FlyteSharp;

        namespace Shop
        {
            public enum Tier { Basic, Gold }

            public sealed class Discounts
            {
                public double For(Tier tier) => tier == Tier.Gold ? 0.2 : 0.0;
            }

            public sealed class ShopTasks
            {
                public static int Created;
                private readonly Discounts discounts;

                public ShopTasks(Discounts discounts)
                {
                    this.discounts = discounts;
                    Interlocked.Increment(ref Created);
                }

                [FlyteTask(Cache = true, CacheVersion = "1")]
                public long Count(List<int> values) => values.Count;

                [FlyteTask]
                public async Task<(double total, string label)> PriceAsync(double amount, Tier tier, string? note, CancellationToken cancellationToken)
                {
                    await Task.Yield();
                    return (amount * (1 - discounts.For(tier)), (note ?? "none") + (cancellationToken.CanBeCanceled ? "+token" : "-token"));
                }

                [FlyteTask]
                public static Dictionary<string, int?> Tally(string[] words, int? missing = null) =>
                    words.GroupBy(w => w).ToDictionary(g => g.Key, g => (int?)g.Count()).Append(new("missing", missing)).ToDictionary(p => p.Key, p => p.Value);

                [FlyteTask]
                public void Touch(bool flag) { }
            }

            public static class Probe
            {
                public static void Register(FlyteSharp.DependencyInjection.IFlyteBuilder builder)
                {
                    Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<Discounts>(builder.Services);
                    FlyteSharp.TestTasks.GeneratedFlyteTasks.AddGeneratedFlyteTasks(builder);
                }

                public static async Task<string> RunAsync(IServiceProvider services)
                {
                    var tasks = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<IShopTasks>(services);
                    using var source = new CancellationTokenSource();
                    var count = await tasks.CountAsync(new List<int> { 4, 5, 6 });
                    var (total, label) = await tasks.PriceAsync(10.0, Tier.Gold, null, source.Token);
                    var tally = await tasks.TallyAsync(new[] { "a", "b", "a" });
                    await tasks.TouchAsync(true);
                    return string.Join("|", count, total.ToString(System.Globalization.CultureInfo.InvariantCulture), label,
                        string.Join(",", tally.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + (p.Value?.ToString() ?? "null"))));
                }
            }
        }
        """;

    [Fact]
    public async Task Generated_client_runs_each_task_through_the_runner_and_decodes_its_outputs()
    {
        var assembly = GeneratorHarness.Run(Tasks).AssertClean().Load();
        var runner = new RecordingTaskRunner();
        using var services = Services(assembly, runner);

        var result = await Probe(assembly, services);

        Assert.Equal("3|8|none+token|a=2,b=1,missing=null", result);
        Assert.Equal(
            ["Shop.ShopTasks.Count", "Shop.ShopTasks.Price", "Shop.ShopTasks.Tally", "Shop.ShopTasks.Touch"],
            runner.Runs.Select(r => r.Task.TaskName));
        var count = runner.Runs[0];
        Assert.Equal(["values"], count.Inputs.Literals.Keys);
        Assert.Equal([4L, 5L, 6L], count.Inputs.Literals["values"].Collection.Literals.Select(l => l.Scalar.Primitive.Integer));
        Assert.Equal(3, count.Outputs.Literals["o0"].Scalar.Primitive.Integer);
        Assert.Equal(["amount", "tier", "note"], runner.Runs[1].Inputs.Literals.Keys);
        Assert.Equal(["total", "label"], runner.Runs[1].Outputs.Literals.Keys);
        Assert.Equal(["words", "missing"], runner.Runs[2].Inputs.Literals.Keys);
        Assert.Empty(runner.Runs[3].Outputs.Literals);
    }

    [Fact]
    public async Task A_cache_hit_never_creates_the_task_class()
    {
        var assembly = GeneratorHarness.Run(Tasks).AssertClean().Load();
        var outputs = new Dictionary<string, LiteralMap>
        {
            ["Shop.ShopTasks.Count"] = Map("o0", new Literal { Scalar = new Scalar { Primitive = new Primitive { Integer = 41 } } }),
        };
        using var services = Services(assembly, new ReplayingTaskRunner(outputs));
        var client = services.GetRequiredService(GeneratedAssembly.Type(assembly, "Shop.IShopTasks"));

        var count = await (Task<long>)client.GetType().GetMethod("CountAsync")!.Invoke(client, [new List<int> { 1 }, CancellationToken.None])!;

        Assert.Equal(41, count);
        Assert.Equal(0, (int)GeneratedAssembly.Type(assembly, "Shop.ShopTasks").GetField("Created")!.GetValue(null)!);
    }

    [Fact]
    public async Task A_missing_output_fails_with_the_task_and_output_names()
    {
        var assembly = GeneratorHarness.Run(Tasks).AssertClean().Load();
        var outputs = new Dictionary<string, LiteralMap> { ["Shop.ShopTasks.Count"] = new LiteralMap() };
        using var services = Services(assembly, new ReplayingTaskRunner(outputs));
        var client = services.GetRequiredService(GeneratedAssembly.Type(assembly, "Shop.IShopTasks"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => (Task<long>)client.GetType().GetMethod("CountAsync")!.Invoke(client, [new List<int>(), CancellationToken.None])!);

        Assert.Equal("Task 'Shop.ShopTasks.Count' returned no output 'o0'.", error.Message);
    }

    [Fact]
    public void Registration_adds_the_client_and_the_class_without_replacing_existing_ones()
    {
        var assembly = GeneratorHarness.Run(Tasks).AssertClean().Load();
        var collection = new ServiceCollection();
        var taskClass = GeneratedAssembly.Type(assembly, "Shop.ShopTasks");
        collection.AddScoped(taskClass);
        Register(assembly, collection);

        var client = Assert.Single(collection, d => d.ServiceType == GeneratedAssembly.Type(assembly, "Shop.IShopTasks"));
        Assert.Equal(ServiceLifetime.Transient, client.Lifetime);
        Assert.Equal("Client", client.ImplementationType!.Name);
        Assert.Equal(ServiceLifetime.Scoped, Assert.Single(collection, d => d.ServiceType == taskClass).Lifetime);
    }

    private static ServiceProvider Services(Assembly assembly, IFlyteTaskRunner runner)
    {
        var collection = new ServiceCollection();
        collection.AddSingleton(runner);
        Register(assembly, collection);
        return collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private static void Register(Assembly assembly, IServiceCollection collection) =>
        GeneratedAssembly.Type(assembly, "Shop.Probe").GetMethod("Register")!.Invoke(null, [new TestFlyteBuilder(collection)]);

    private static Task<string> Probe(Assembly assembly, IServiceProvider services) =>
        (Task<string>)GeneratedAssembly.Type(assembly, "Shop.Probe").GetMethod("RunAsync")!.Invoke(null, [services])!;

    private static LiteralMap Map(string name, Literal literal)
    {
        var map = new LiteralMap();
        map.Literals.Add(name, literal);
        return map;
    }
}
