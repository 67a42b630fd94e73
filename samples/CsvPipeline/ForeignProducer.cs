using Datacatalog;
using Flyteidl.Core;
using FlyteSharp.Caching;
using FlyteSharp.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace CsvPipeline;

/// <summary>
/// Plays a producer outside this program (a flytekit task, an external executor) that cached the targets of
/// <see cref="SalesTasks.FetchTargets"/> through the DataCatalog API the way it writes blobs: with an empty format
/// (<c>blob{}</c>). Flyte itself rejected such entries for <c>FlyteFile[csv]</c> on every read (flyteorg/flyte#5553);
/// FlyteSharp's lenient Blob rule accepts them.
/// </summary>
internal static class ForeignProducer
{
    public static async Task PublishTargetsAsync(IServiceProvider services, string quarter)
    {
        var catalog = services.GetRequiredService<IDataCatalog>();
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<FlyteSharp.Configuration.FlyteOptions>>().Value;
        var task = SalesTasksFlyte.FetchTargets;
        var dataset = new DatasetID { Project = options.Project, Domain = options.Domain, Name = task.DatasetName, Version = task.DatasetVersion };
        var inputs = new LiteralMap { Literals = { ["quarter"] = new Literal { Scalar = new Scalar { Primitive = new Primitive { StringValue = quarter } } } } };
        var tag = CacheTag.Compute(inputs, task.CacheIgnoreInputs);

        try
        {
            await catalog.GetArtifactAsync(new GetArtifactRequest { Dataset = dataset, TagName = tag });
            return; // Published on an earlier run.
        }
        catch (CatalogException e) when (e.Code == CatalogErrorCode.NotFound)
        {
        }

        // The producer's own durable copy of the file (its "bucket").
        var bucket = Directory.CreateDirectory(Path.Combine(".flyte", "foreign-producer"));
        var file = Path.Combine(bucket.FullName, $"targets-{quarter}.csv");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "data", $"targets-{quarter}.csv"), file, overwrite: true);

        try
        {
            await catalog.CreateDatasetAsync(new CreateDatasetRequest { Dataset = new Dataset { Id = dataset } });
        }
        catch (CatalogException e) when (e.Code == CatalogErrorCode.AlreadyExists)
        {
        }

        var artifact = new Artifact { Id = Guid.NewGuid().ToString(), Dataset = dataset };
        artifact.Data.Add(new ArtifactData
        {
            Name = "o0",
            Value = new Literal
            {
                Scalar = new Scalar
                {
                    // No format: the blob type an external executor writes.
                    Blob = new Blob { Uri = new Uri(file).AbsoluteUri, Metadata = new BlobMetadata { Type = new BlobType() } },
                },
            },
        });
        await catalog.CreateArtifactAsync(new CreateArtifactRequest { Artifact = artifact });
        await catalog.AddTagAsync(new AddTagRequest { Tag = new Tag { Name = tag, ArtifactId = artifact.Id, Dataset = dataset } });
    }
}
