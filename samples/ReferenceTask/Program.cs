using Datacatalog;
using Flyteidl.Core;
using FlyteSharp;
using FlyteSharp.Caching;
using FlyteSharp.Catalog;
using FlyteSharp.Formats;
using FlyteSharp.Literals;
using FlyteSharp.Running;
using Microsoft.Extensions.DependencyInjection;
using ReferenceTask;

// A reference task: the Python task workflows.cleaning.clean runs on a Flyte cluster; this program only reads its cached
// results from the shared catalog. Here the catalog is a local SQLite file and the "cluster" is simulated by writing the
// entry a Python run would leave behind.
var work = Directory.CreateTempSubdirectory("flytesharp-reference-sample-");
var services = new ServiceCollection();
services.AddFlyteSharp(options =>
{
    options.Project = "local";
    options.Domain = "dev";
    options.Catalog.Path = Path.Combine(work.FullName, "catalog.db");
    options.RawOutputPrefix = Path.Combine(work.FullName, "raw");
}).AddPythonTasks();
await using var provider = services.BuildServiceProvider();

var raw = new FlyteFile<Csv>(Write("export.csv", "id,amount\n1, 10\n2,\n3,7\n"));
await SeedAsPythonProducerAsync(provider.GetRequiredService<IDataCatalog>(), raw, Write("cleaned.csv", "id,amount\n1,10\n3,7\n"));

var tasks = provider.GetRequiredService<IPythonTasks>();
var cleaned = await tasks.CleanAsync(raw);
Console.WriteLine($"hit: {PythonTasksFlyte.CleanTaskName} -> {cleaned.LocalPath}");
Console.WriteLine(File.ReadAllText(cleaned.LocalPath!));

try
{
    await tasks.CleanAsync(new FlyteFile<Csv>(Write("new-export.csv", "id,amount\n4,1\n")));
}
catch (FlyteReferenceTaskMissException e)
{
    Console.WriteLine("miss: " + e.Message);
}

work.Delete(recursive: true);

string Write(string name, string text)
{
    var path = Path.Combine(work.FullName, name);
    File.WriteAllText(path, text);
    return path;
}

// What flytepropeller stores after the Python task ran with these inputs: an artifact in the dataset
// flyte_task-{name}/{cache version}-{interface hashes} of the task's project and domain, tagged with the inputs' hash.
// flytekit's plain FlyteFile output is a blob without a format.
static async Task SeedAsPythonProducerAsync(IDataCatalog catalog, FlyteFile<Csv> raw, string produced)
{
    var dataset = new DatasetID
    {
        Project = PythonTasksFlyte.CleanProject,
        Domain = PythonTasksFlyte.CleanDomain,
        Name = PythonTasksFlyte.CleanDatasetName,
        Version = PythonTasksFlyte.CleanDatasetVersion,
    };
    await catalog.CreateDatasetAsync(new CreateDatasetRequest { Dataset = new Dataset { Id = dataset } }, CancellationToken.None);
    var output = new Literal { Scalar = new Scalar { Blob = new Blob { Uri = new Uri(produced).AbsoluteUri, Metadata = new BlobMetadata { Type = new BlobType { Format = "" } } } } };
    var artifact = new Artifact { Id = Guid.NewGuid().ToString(), Dataset = dataset, Data = { new ArtifactData { Name = "o0", Value = output } } };
    await catalog.CreateArtifactAsync(new CreateArtifactRequest { Artifact = artifact }, CancellationToken.None);
    var inputs = new LiteralMap { Literals = { ["raw"] = LiteralConverter.ToLiteral(raw) } };
    await catalog.AddTagAsync(new AddTagRequest { Tag = new Tag { Name = CacheTag.Compute(inputs, []), ArtifactId = artifact.Id, Dataset = dataset } }, CancellationToken.None);
}
