using System.Reflection;
using Datacatalog;
using Flyteidl.Core;
using FlyteSharp.Caching;
using FlyteSharp.Catalog;
using FlyteSharp.Generator.Tests.Diagnostics;
using FlyteSharp.Generator.Tests.Hashing;
using FlyteSharp.Generator.Tests.Infrastructure;
using FlyteSharp.Running;
using Microsoft.Extensions.DependencyInjection;
using static FlyteSharp.Generator.Tests.ReferenceTasks.ReferenceTaskSupport;

namespace FlyteSharp.Generator.Tests.ReferenceTasks;

/// <summary>
/// The generated reference-task client against the real runner and embedded catalog: an entry written as a Python
/// producer would (blob format "") is a hit decoded as <c>FlyteFile&lt;Csv&gt;</c>; a miss is the clear error.
/// </summary>
public sealed class ReferenceTaskRunTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("flytesharp-reference-");

    public void Dispose() => root.Delete(recursive: true);

    [Fact]
    public void Descriptor_carries_the_reference_the_pinned_interface_and_the_flyte_dataset_version()
    {
        var assembly = Generate();
        var descriptor = GeneratedAssembly.Descriptor(assembly, "Shop.PythonTasksFlyte", "Clean");

        Assert.Equal(new FlyteTaskReference("flytesnacks", "development", "wf.clean", "v3"), descriptor.Reference);
        Assert.Equal("flyte_task-wf.clean", descriptor.DatasetName);
        Assert.Equal("", GeneratedAssembly.VariableType(descriptor.Interface.Outputs, "o0").Blob.Format);
        // The runtime's own computations over the generated TypedInterface agree with the compile-time constant.
        var runtime = RuntimeDatasetVersion.Compute("1.0", descriptor.Interface);
        Assert.NotEmpty(runtime);
        Assert.All(runtime, version => Assert.Equal(descriptor.DatasetVersion, version));
        Assert.StartsWith("1.0-", descriptor.DatasetVersion, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_seeded_entry_is_a_hit_decoded_as_a_csv_file_and_a_miss_is_a_clear_error()
    {
        var assembly = Generate();
        using var services = Services(assembly);
        var descriptor = GeneratedAssembly.Descriptor(assembly, "Shop.PythonTasksFlyte", "Clean");
        var client = services.GetRequiredService(GeneratedAssembly.Type(assembly, "Shop.IPythonTasks"));
        var clean = client.GetType().GetMethod("CleanAsync")!;
        var ct = TestContext.Current.CancellationToken;

        var raw = new FlyteFile<FlyteSharp.Formats.Csv>(Write("raw.csv", "a,b\n1,2\n"));
        var produced = Write("clean.csv", "a,b\n1,2\n");
        await SeedAsync(services.GetRequiredService<IDataCatalog>(), descriptor, raw, produced, ct);

        var hit = await (Task<FlyteFile<FlyteSharp.Formats.Csv>>)clean.Invoke(client, [raw, ct])!;
        Assert.Equal(produced, hit.LocalPath);

        var other = new FlyteFile<FlyteSharp.Formats.Csv>(Write("other.csv", "a,b\n3,4\n"));
        var error = await Assert.ThrowsAsync<FlyteReferenceTaskMissException>(() => (Task<FlyteFile<FlyteSharp.Formats.Csv>>)clean.Invoke(client, [other, ct])!);
        Assert.StartsWith("reference task wf.clean (flytesnacks/development/wf.clean/v3) has no cached result for these inputs in the catalog", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("run it on the Flyte cluster first", error.Message, StringComparison.Ordinal);
    }

    private static Assembly Generate() =>
        GeneratorHarness.Run(
            GeneratorHarness.Compile((DiagnosticTestSupport.FileName, DiagnosticTestSupport.Usings + "namespace Shop\n{\n" + Declaration + "\n}\n")),
            Pinned(CleanInterface)).AssertClean().Load();

    private ServiceProvider Services(Assembly assembly)
    {
        var services = new ServiceCollection();
        var builder = services.AddFlyteSharp(options =>
        {
            options.Project = "local";
            options.Domain = "dev";
            options.Catalog.Path = Path.Combine(root.FullName, "catalog.db");
            options.RawOutputPrefix = Path.Combine(root.FullName, "raw");
        });
        GeneratedAssembly.Type(assembly, "Shop.PythonTasksFlyte").GetMethod("AddPythonTasks")!.Invoke(null, [builder]);
        return services.BuildServiceProvider();
    }

    // What a Python producer on the cluster leaves in the catalog: its dataset in the task's project and domain, the
    // tag of its inputs, and a blob output without a format (flytekit's plain FlyteFile).
    private static async Task SeedAsync(IDataCatalog catalog, FlyteTaskDescriptor task, FlyteFile<FlyteSharp.Formats.Csv> raw, string produced, CancellationToken ct)
    {
        var dataset = new DatasetID { Project = task.Reference!.Project, Domain = task.Reference.Domain, Name = task.DatasetName, Version = task.DatasetVersion };
        await catalog.CreateDatasetAsync(new CreateDatasetRequest { Dataset = new Dataset { Id = dataset } }, ct);
        var output = new Literal { Scalar = new Scalar { Blob = new Blob { Uri = new Uri(produced).AbsoluteUri, Metadata = new BlobMetadata { Type = new BlobType { Format = "" } } } } };
        var artifact = new Artifact { Id = Guid.NewGuid().ToString(), Dataset = dataset, Data = { new ArtifactData { Name = "o0", Value = output } } };
        await catalog.CreateArtifactAsync(new CreateArtifactRequest { Artifact = artifact }, ct);
        var inputs = new LiteralMap { Literals = { ["raw"] = FlyteSharp.Literals.LiteralConverter.ToLiteral(raw) } };
        await catalog.AddTagAsync(new AddTagRequest { Tag = new Tag { Name = CacheTag.Compute(inputs, []), ArtifactId = artifact.Id, Dataset = dataset } }, ct);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(root.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }
}
