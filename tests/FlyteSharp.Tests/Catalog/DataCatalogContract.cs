using Datacatalog;
using FlyteSharp.Catalog;
using FlyteSharp.Catalog.Embedded;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using static FlyteSharp.Tests.Catalog.CatalogTestData;

namespace FlyteSharp.Tests.Catalog;

/// <summary>
/// What every <see cref="IDataCatalog"/> must do, as Flyte's DataCatalog does it. Runs against the SQLite store directly
/// (FlyteSharp.Tests) and against the gRPC client talking to the catalog server over loopback (FlyteSharp.Integration.Tests);
/// both sit on a real SQLite file, so the same cases can also reach under the API (corrupt bytes).
/// </summary>
public abstract class DataCatalogContract : IAsyncLifetime
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("flytesharp-catalog-");

    /// <summary>The clock of the store: reservation expiry and creation order are driven by the test.</summary>
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>The store's file, in a folder that does not exist before the store creates it.</summary>
    protected string DatabasePath => Path.Combine(_directory.FullName, "nested", "catalog.db");

    /// <summary>The store under the catalog under test.</summary>
    protected SqliteDataCatalog Store { get; private set; } = null!;

    /// <summary>The catalog under test.</summary>
    protected IDataCatalog Catalog { get; private set; } = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Returns the catalog under test, serving <paramref name="store"/>.</summary>
    protected abstract ValueTask<IDataCatalog> ConnectAsync(SqliteDataCatalog store);

    /// <summary>Releases what <see cref="ConnectAsync"/> started.</summary>
    protected virtual ValueTask DisconnectAsync() => ValueTask.CompletedTask;

    public async ValueTask InitializeAsync()
    {
        Store = new SqliteDataCatalog(new SqliteDataCatalogOptions { DatabasePath = DatabasePath }, Time);
        Catalog = await ConnectAsync(Store);
    }

    public async ValueTask DisposeAsync()
    {
        await DisconnectAsync();
        Store.Dispose();
        GC.SuppressFinalize(this);
        _directory.Delete(recursive: true);
    }

    // ---- datasets ----

    [Fact]
    public async Task A_created_dataset_reads_back_with_its_metadata_partition_keys_and_a_uuid()
    {
        var id = DatasetId();
        await Catalog.CreateDatasetAsync(CreateDataset(id, "region", "day"), Ct);

        var dataset = (await Catalog.GetDatasetAsync(new GetDatasetRequest { Dataset = id }, Ct)).Dataset;

        Assert.Equal(id.Project, dataset.Id.Project);
        Assert.Equal(id.Domain, dataset.Id.Domain);
        Assert.Equal(id.Name, dataset.Id.Name);
        Assert.Equal(id.Version, dataset.Id.Version);
        Assert.True(Guid.TryParse(dataset.Id.UUID, out _), $"'{dataset.Id.UUID}' is not a UUID");
        Assert.Equal("1.0", dataset.Metadata.KeyMap["task-version"]);
        Assert.Equal(["region", "day"], dataset.PartitionKeys);
    }

    [Fact]
    public async Task Creating_a_dataset_twice_is_AlreadyExists()
    {
        var id = DatasetId();
        await Catalog.CreateDatasetAsync(CreateDataset(id), Ct);

        await Fails(CatalogErrorCode.AlreadyExists, () => Catalog.CreateDatasetAsync(CreateDataset(id), Ct));
    }

    [Fact]
    public async Task A_missing_dataset_is_NotFound()
    {
        await Fails(CatalogErrorCode.NotFound, () => Catalog.GetDatasetAsync(new GetDatasetRequest { Dataset = DatasetId() }, Ct));
    }

    [Fact]
    public async Task A_given_uuid_is_kept_and_must_match_on_lookup()
    {
        var id = DatasetId();
        id.UUID = "0A8B5C2E-52E4-4E4A-9D6B-1C1D2E3F4A5B";
        await Catalog.CreateDatasetAsync(CreateDataset(id), Ct);

        var found = await Catalog.GetDatasetAsync(new GetDatasetRequest { Dataset = id }, Ct);
        Assert.Equal("0a8b5c2e-52e4-4e4a-9d6b-1c1d2e3f4a5b", found.Dataset.Id.UUID);

        var other = id.Clone();
        other.UUID = Guid.NewGuid().ToString();
        await Fails(CatalogErrorCode.NotFound, () => Catalog.GetDatasetAsync(new GetDatasetRequest { Dataset = other }, Ct));
    }

    [Theory]
    [InlineData("project")]
    [InlineData("domain")]
    [InlineData("name")]
    [InlineData("version")]
    public async Task A_dataset_id_without_a_field_is_InvalidArgument_naming_it(string field)
    {
        var id = DatasetId();
        switch (field)
        {
            case "project": id.Project = string.Empty; break;
            case "domain": id.Domain = string.Empty; break;
            case "name": id.Name = string.Empty; break;
            default: id.Version = string.Empty; break;
        }

        var error = await Fails(CatalogErrorCode.InvalidArgument, () => Catalog.CreateDatasetAsync(CreateDataset(id), Ct));
        Assert.Contains("missing " + field, error.Message, StringComparison.Ordinal);
        await Fails(CatalogErrorCode.InvalidArgument, () => Catalog.GetDatasetAsync(new GetDatasetRequest { Dataset = id }, Ct));
    }

    [Fact]
    public async Task Requests_without_their_message_are_InvalidArgument()
    {
        await Fails(CatalogErrorCode.InvalidArgument, () => Catalog.CreateDatasetAsync(new CreateDatasetRequest(), Ct));
        await Fails(CatalogErrorCode.InvalidArgument, () => Catalog.GetDatasetAsync(new GetDatasetRequest(), Ct));
        await Fails(CatalogErrorCode.InvalidArgument, () => Catalog.CreateArtifactAsync(new CreateArtifactRequest(), Ct));
        await Fails(CatalogErrorCode.InvalidArgument, () => Catalog.AddTagAsync(new AddTagRequest(), Ct));
        await Fails(CatalogErrorCode.InvalidArgument, () => Catalog.ListArtifactsAsync(new ListArtifactsRequest(), Ct));
        await Fails(CatalogErrorCode.InvalidArgument, () => Catalog.GetOrExtendReservationAsync(new GetOrExtendReservationRequest(), Ct));
        await Fails(CatalogErrorCode.InvalidArgument, () => Catalog.ReleaseReservationAsync(new ReleaseReservationRequest(), Ct));
    }

    [Fact]
    public async Task Bad_input_fails_the_returned_task_instead_of_throwing_at_the_call()
    {
        Task invalid = Task.CompletedTask;
        Task missing = Task.CompletedTask;

        Assert.Null(Record.Exception(() => { invalid = Catalog.CreateDatasetAsync(new CreateDatasetRequest(), Ct); }));
        Assert.Null(Record.Exception(() => { missing = Catalog.GetDatasetAsync(null!, Ct); }));

        await Fails(CatalogErrorCode.InvalidArgument, () => invalid);
        await Assert.ThrowsAsync<ArgumentNullException>(() => missing);
    }

    [Fact]
    public async Task Duplicate_partition_keys_are_InvalidArgument()
    {
        await Fails(CatalogErrorCode.InvalidArgument, () => Catalog.CreateDatasetAsync(CreateDataset(DatasetId(), "day", "day"), Ct));
    }

    [Fact]
    public async Task Datasets_list_newest_first_filter_by_property_and_page_by_offset_tokens()
    {
        foreach (var name in new[] { "a", "b", "c" })
        {
            await Catalog.CreateDatasetAsync(CreateDataset(DatasetId(name)), Ct);
            Time.Advance(TimeSpan.FromSeconds(1));
        }

        var other = DatasetId("d");
        other.Project = "other";
        await Catalog.CreateDatasetAsync(CreateDataset(other), Ct);

        var all = await Catalog.ListDatasetsAsync(new ListDatasetsRequest(), Ct);
        Assert.Equal(["d", "c", "b", "a"], all.Datasets.Select(d => d.Id.Name));

        var demo = new ListDatasetsRequest
        {
            Filter = new FilterExpression { Filters = { new SinglePropertyFilter { DatasetFilter = new DatasetPropertyFilter { Project = "demo" } } } },
            Pagination = new PaginationOptions { Limit = 2, SortOrder = PaginationOptions.Types.SortOrder.Ascending },
        };
        var first = await Catalog.ListDatasetsAsync(demo, Ct);
        Assert.Equal(["a", "b"], first.Datasets.Select(d => d.Id.Name));
        Assert.Equal("2", first.NextToken);

        demo.Pagination.Token = first.NextToken;
        var second = await Catalog.ListDatasetsAsync(demo, Ct);
        Assert.Equal(["c"], second.Datasets.Select(d => d.Id.Name));
        Assert.Equal("3", second.NextToken);
    }

    [Fact]
    public async Task Datasets_cannot_be_filtered_by_tag_or_with_a_bad_token()
    {
        var byTag = new ListDatasetsRequest
        {
            Filter = new FilterExpression { Filters = { new SinglePropertyFilter { TagFilter = new TagPropertyFilter { TagName = "t" } } } },
        };
        await Fails(CatalogErrorCode.InvalidArgument, () => Catalog.ListDatasetsAsync(byTag, Ct));

        var badToken = new ListDatasetsRequest { Pagination = new PaginationOptions { Token = "page-two" } };
        var error = await Fails(CatalogErrorCode.InvalidArgument, () => Catalog.ListDatasetsAsync(badToken, Ct));
        Assert.Contains("page-two", error.Message, StringComparison.Ordinal);
    }

    // ---- artifacts and tags ----

    [Fact]
    public async Task An_artifact_reads_back_by_id_with_byte_identical_data()
    {
        var id = DatasetId();
        await Catalog.CreateDatasetAsync(CreateDataset(id), Ct);
        var artifact = Artifact(id, "artifact-1", ("o0", CsvFileLiteral("file:///raw/ab/sales.csv")), ("o1", StringLiteral("naïve ✓")));
        await Catalog.CreateArtifactAsync(new CreateArtifactRequest { Artifact = artifact }, Ct);

        var read = (await Catalog.GetArtifactAsync(ById(id, "artifact-1"), Ct)).Artifact;

        Assert.Equal("artifact-1", read.Id);
        Assert.Equal(["o0", "o1"], read.Data.Select(d => d.Name));
        Assert.Equal(artifact.Data[0].Value.ToByteArray(), read.Data[0].Value.ToByteArray());
        Assert.Equal(artifact.Data[1].Value, read.Data[1].Value);
        Assert.Equal("run-artifact-1", read.Metadata.KeyMap["execution-name"]);
        Assert.Equal(Timestamp.FromDateTimeOffset(Time.GetUtcNow()), read.CreatedAt);
        Assert.Equal(id.Name, read.Dataset.Name);
        Assert.NotEmpty(read.Dataset.UUID);
        Assert.Empty(read.Tags);
    }

    [Fact]
    public async Task An_artifact_needs_an_existing_dataset_an_id_and_data()
    {
        var id = DatasetId();
        await Fails(CatalogErrorCode.NotFound, () => Catalog.CreateArtifactAsync(CreateArtifact(id, "a1"), Ct));
        await Catalog.CreateDatasetAsync(CreateDataset(id), Ct);

        var noId = CreateArtifact(id, "a1");
        noId.Artifact.Id = string.Empty;
        var error = await Fails(CatalogErrorCode.InvalidArgument, () => Catalog.CreateArtifactAsync(noId, Ct));
        Assert.Contains("artifactID", error.Message, StringComparison.Ordinal);

        var noData = new CreateArtifactRequest { Artifact = Artifact(id, "a1") };
        error = await Fails(CatalogErrorCode.InvalidArgument, () => Catalog.CreateArtifactAsync(noData, Ct));
        Assert.Contains("artifactData", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Creating_an_artifact_id_twice_in_a_dataset_is_AlreadyExists_and_keeps_the_first()
    {
        var id = DatasetId();
        await Catalog.CreateDatasetAsync(CreateDataset(id), Ct);
        await Catalog.CreateArtifactAsync(CreateArtifact(id, "a1", output: 1), Ct);

        await Fails(CatalogErrorCode.AlreadyExists, () => Catalog.CreateArtifactAsync(CreateArtifact(id, "a1", output: 2), Ct));

        var read = await Catalog.GetArtifactAsync(ById(id, "a1"), Ct);
        Assert.Equal(1, read.Artifact.Data[0].Value.Scalar.Primitive.Integer);
    }

    [Fact]
    public async Task An_untagged_artifact_is_invisible_to_tag_lookups_until_tagged()
    {
        var id = DatasetId();
        await Catalog.CreateDatasetAsync(CreateDataset(id), Ct);
        await Catalog.CreateArtifactAsync(CreateArtifact(id, "a1"), Ct);

        await Fails(CatalogErrorCode.NotFound, () => Catalog.GetArtifactAsync(ByTag(id, "flyte_cached-abc"), Ct));

        await Catalog.AddTagAsync(AddTag(id, "flyte_cached-abc", "a1"), Ct);
        var hit = (await Catalog.GetArtifactAsync(ByTag(id, "flyte_cached-abc"), Ct)).Artifact;

        Assert.Equal("a1", hit.Id);
        var tag = Assert.Single(hit.Tags);
        Assert.Equal("flyte_cached-abc", tag.Name);
        Assert.Equal("a1", tag.ArtifactId);
        Assert.Equal(id.Name, tag.Dataset.Name);
    }

    [Fact]
    public async Task A_tag_lookup_in_a_missing_dataset_is_NotFound()
    {
        await Fails(CatalogErrorCode.NotFound, () => Catalog.GetArtifactAsync(ByTag(DatasetId(), "flyte_cached-abc"), Ct));
    }

    [Fact]
    public async Task The_first_tag_wins_and_a_second_AddTag_is_AlreadyExists()
    {
        var id = DatasetId();
        await Catalog.CreateDatasetAsync(CreateDataset(id), Ct);
        await Catalog.CreateArtifactAsync(CreateArtifact(id, "first", output: 1), Ct);
        await Catalog.CreateArtifactAsync(CreateArtifact(id, "second", output: 2), Ct);
        await Catalog.AddTagAsync(AddTag(id, "t", "first"), Ct);

        await Fails(CatalogErrorCode.AlreadyExists, () => Catalog.AddTagAsync(AddTag(id, "t", "second"), Ct));

        Assert.Equal("first", (await Catalog.GetArtifactAsync(ByTag(id, "t"), Ct)).Artifact.Id);
    }

    [Fact]
    public async Task Concurrent_AddTag_of_one_tag_has_exactly_one_winner()
    {
        var id = DatasetId();
        await Catalog.CreateDatasetAsync(CreateDataset(id), Ct);
        const int writers = 8;
        for (var i = 0; i < writers; i++)
        {
            await Catalog.CreateArtifactAsync(CreateArtifact(id, "candidate-" + i, output: i), Ct);
        }

        var attempts = Enumerable.Range(0, writers).Select(i => Task.Run(async () =>
        {
            try
            {
                await Catalog.AddTagAsync(AddTag(id, "flyte_cached-race", "candidate-" + i), Ct);
                return (Writer: i, Won: true);
            }
            catch (CatalogException e) when (e.Code == CatalogErrorCode.AlreadyExists)
            {
                return (Writer: i, Won: false);
            }
        }, Ct));
        var results = await Task.WhenAll(attempts);

        var winner = Assert.Single(results, r => r.Won);
        var tagged = await Catalog.GetArtifactAsync(ByTag(id, "flyte_cached-race"), Ct);
        Assert.Equal("candidate-" + winner.Writer, tagged.Artifact.Id);
    }

    [Fact]
    public async Task Tagging_a_missing_artifact_or_in_a_missing_dataset_is_NotFound()
    {
        var id = DatasetId();
        await Fails(CatalogErrorCode.NotFound, () => Catalog.AddTagAsync(AddTag(id, "t", "a1"), Ct));
        await Catalog.CreateDatasetAsync(CreateDataset(id), Ct);
        await Fails(CatalogErrorCode.NotFound, () => Catalog.AddTagAsync(AddTag(id, "t", "a1"), Ct));
    }

    [Fact]
    public async Task A_tag_names_an_artifact_of_its_own_dataset_only()
    {
        var first = DatasetId("first");
        var second = DatasetId("second");
        await Catalog.CreateDatasetAsync(CreateDataset(first), Ct);
        await Catalog.CreateDatasetAsync(CreateDataset(second), Ct);
        await Catalog.CreateArtifactAsync(CreateArtifact(first, "a1"), Ct);

        await Fails(CatalogErrorCode.NotFound, () => Catalog.AddTagAsync(AddTag(second, "t", "a1"), Ct));
        await Catalog.AddTagAsync(AddTag(first, "t", "a1"), Ct);
        await Fails(CatalogErrorCode.NotFound, () => Catalog.GetArtifactAsync(ByTag(second, "t"), Ct));
    }

    [Fact]
    public async Task An_artifact_id_alone_finds_the_artifact_without_its_dataset()
    {
        var id = DatasetId();
        await Catalog.CreateDatasetAsync(CreateDataset(id), Ct);
        await Catalog.CreateArtifactAsync(CreateArtifact(id, "a1", output: 7), Ct);

        var found = await Catalog.GetArtifactAsync(ById(null, "a1"), Ct);

        Assert.Equal(7, found.Artifact.Data[0].Value.Scalar.Primitive.Integer);
        Assert.Equal(id.Name, found.Artifact.Dataset.Name);
        await Fails(CatalogErrorCode.NotFound, () => Catalog.GetArtifactAsync(ById(null, "a2"), Ct));
    }

    [Fact]
    public async Task A_lookup_without_an_id_or_tag_is_InvalidArgument()
    {
        await Fails(CatalogErrorCode.InvalidArgument, () => Catalog.GetArtifactAsync(new GetArtifactRequest { Dataset = DatasetId() }, Ct));
        await Fails(CatalogErrorCode.InvalidArgument, () => Catalog.GetArtifactAsync(ByTag(DatasetId(), string.Empty), Ct));
        await Fails(CatalogErrorCode.InvalidArgument, () => Catalog.GetArtifactAsync(new GetArtifactRequest { TagName = "t" }, Ct));
    }

    [Fact]
    public async Task Partitions_must_assign_exactly_the_dataset_partition_keys()
    {
        var id = DatasetId();
        await Catalog.CreateDatasetAsync(CreateDataset(id, "region", "day"), Ct);

        var good = CreateArtifact(id, "a1");
        good.Artifact.Partitions.Add(new Partition { Key = "region", Value = "eu" });
        good.Artifact.Partitions.Add(new Partition { Key = "day", Value = "2025-03-01" });
        await Catalog.CreateArtifactAsync(good, Ct);
        var read = await Catalog.GetArtifactAsync(ById(id, "a1"), Ct);
        Assert.Equal(["region=eu", "day=2025-03-01"], read.Artifact.Partitions.Select(p => p.Key + "=" + p.Value));

        var missing = CreateArtifact(id, "a2");
        missing.Artifact.Partitions.Add(new Partition { Key = "region", Value = "eu" });
        await Fails(CatalogErrorCode.InvalidArgument, () => Catalog.CreateArtifactAsync(missing, Ct));

        var twice = CreateArtifact(id, "a3");
        twice.Artifact.Partitions.Add(new Partition { Key = "region", Value = "eu" });
        twice.Artifact.Partitions.Add(new Partition { Key = "region", Value = "us" });
        await Fails(CatalogErrorCode.InvalidArgument, () => Catalog.CreateArtifactAsync(twice, Ct));

        var empty = CreateArtifact(id, "a4");
        empty.Artifact.Partitions.Add(new Partition { Key = "region", Value = string.Empty });
        empty.Artifact.Partitions.Add(new Partition { Key = "day", Value = "2025-03-01" });
        await Fails(CatalogErrorCode.InvalidArgument, () => Catalog.CreateArtifactAsync(empty, Ct));
    }

    [Fact]
    public async Task Artifacts_list_newest_first_with_tag_and_partition_filters_and_pages()
    {
        var id = DatasetId();
        await Catalog.CreateDatasetAsync(CreateDataset(id, "region"), Ct);
        foreach (var (name, region) in new[] { ("a1", "eu"), ("a2", "us"), ("a3", "eu") })
        {
            var request = CreateArtifact(id, name);
            request.Artifact.Partitions.Add(new Partition { Key = "region", Value = region });
            await Catalog.CreateArtifactAsync(request, Ct);
            Time.Advance(TimeSpan.FromMinutes(1));
        }

        await Catalog.AddTagAsync(AddTag(id, "latest", "a3"), Ct);

        var all = await Catalog.ListArtifactsAsync(new ListArtifactsRequest { Dataset = id }, Ct);
        Assert.Equal(["a3", "a2", "a1"], all.Artifacts.Select(a => a.Id));
        Assert.All(all.Artifacts, a => Assert.Equal("o0", Assert.Single(a.Data).Name));
        Assert.Equal("3", all.NextToken);

        var eu = new ListArtifactsRequest
        {
            Dataset = id,
            Filter = new FilterExpression
            {
                Filters = { new SinglePropertyFilter { PartitionFilter = new PartitionPropertyFilter { KeyVal = new Datacatalog.KeyValuePair { Key = "region", Value = "eu" } } } },
            },
        };
        Assert.Equal(["a3", "a1"], (await Catalog.ListArtifactsAsync(eu, Ct)).Artifacts.Select(a => a.Id));

        eu.Filter.Filters.Add(new SinglePropertyFilter { TagFilter = new TagPropertyFilter { TagName = "latest" } });
        Assert.Equal(["a3"], (await Catalog.ListArtifactsAsync(eu, Ct)).Artifacts.Select(a => a.Id));

        var page = new ListArtifactsRequest
        {
            Dataset = id,
            Pagination = new PaginationOptions { Limit = 2, Token = "1", SortOrder = PaginationOptions.Types.SortOrder.Ascending },
        };
        var paged = await Catalog.ListArtifactsAsync(page, Ct);
        Assert.Equal(["a2", "a3"], paged.Artifacts.Select(a => a.Id));
        Assert.Equal("3", paged.NextToken);
    }

    [Fact]
    public async Task Listing_artifacts_needs_the_dataset_and_rejects_dataset_filters()
    {
        var id = DatasetId();
        await Fails(CatalogErrorCode.NotFound, () => Catalog.ListArtifactsAsync(new ListArtifactsRequest { Dataset = id }, Ct));
        await Catalog.CreateDatasetAsync(CreateDataset(id), Ct);

        var byDataset = new ListArtifactsRequest
        {
            Dataset = id,
            Filter = new FilterExpression { Filters = { new SinglePropertyFilter { DatasetFilter = new DatasetPropertyFilter { Project = "demo" } } } },
        };
        await Fails(CatalogErrorCode.InvalidArgument, () => Catalog.ListArtifactsAsync(byDataset, Ct));
    }

    [Fact]
    public async Task UpdateArtifact_by_tag_replaces_data_and_metadata()
    {
        var id = DatasetId();
        await Catalog.CreateDatasetAsync(CreateDataset(id), Ct);
        await Catalog.CreateArtifactAsync(new CreateArtifactRequest { Artifact = Artifact(id, "a1", ("o0", IntegerLiteral(1)), ("stale", IntegerLiteral(9))) }, Ct);
        await Catalog.AddTagAsync(AddTag(id, "t", "a1"), Ct);

        var update = new UpdateArtifactRequest { Dataset = id, TagName = "t", Metadata = new Datacatalog.Metadata() };
        update.Data.Add(new ArtifactData { Name = "o0", Value = IntegerLiteral(2) });
        update.Data.Add(new ArtifactData { Name = "o1", Value = StringLiteral("new") });
        update.Metadata.KeyMap.Add("execution-name", "overwrite");
        var response = await Catalog.UpdateArtifactAsync(update, Ct);

        Assert.Equal("a1", response.ArtifactId);
        var read = (await Catalog.GetArtifactAsync(ByTag(id, "t"), Ct)).Artifact;
        Assert.Equal(["o0", "o1"], read.Data.Select(d => d.Name));
        Assert.Equal(2, read.Data[0].Value.Scalar.Primitive.Integer);
        Assert.Equal("new", read.Data[1].Value.Scalar.Primitive.StringValue);
        Assert.Equal("overwrite", read.Metadata.KeyMap["execution-name"]);
    }

    [Fact]
    public async Task UpdateArtifact_by_id_works_and_a_missing_artifact_or_empty_data_fails()
    {
        var id = DatasetId();
        await Catalog.CreateDatasetAsync(CreateDataset(id), Ct);
        await Catalog.CreateArtifactAsync(CreateArtifact(id, "a1", output: 1), Ct);

        var byId = new UpdateArtifactRequest { Dataset = id, ArtifactId = "a1", Data = { new ArtifactData { Name = "o0", Value = IntegerLiteral(5) } } };
        await Catalog.UpdateArtifactAsync(byId, Ct);
        Assert.Equal(5, (await Catalog.GetArtifactAsync(ById(id, "a1"), Ct)).Artifact.Data[0].Value.Scalar.Primitive.Integer);

        var missing = new UpdateArtifactRequest { Dataset = id, TagName = "nope", Data = { new ArtifactData { Name = "o0", Value = IntegerLiteral(5) } } };
        await Fails(CatalogErrorCode.NotFound, () => Catalog.UpdateArtifactAsync(missing, Ct));

        var empty = new UpdateArtifactRequest { Dataset = id, ArtifactId = "a1" };
        await Fails(CatalogErrorCode.InvalidArgument, () => Catalog.UpdateArtifactAsync(empty, Ct));
    }

    [Fact]
    public async Task Corrupt_stored_bytes_are_an_Internal_error_naming_the_artifact()
    {
        var id = DatasetId();
        await Catalog.CreateDatasetAsync(CreateDataset(id), Ct);
        await Catalog.CreateArtifactAsync(CreateArtifact(id, "a1"), Ct);
        await Catalog.AddTagAsync(AddTag(id, "t", "a1"), Ct);
        CorruptStoredValue("a1");

        var error = await Fails(CatalogErrorCode.Internal, () => Catalog.GetArtifactAsync(ByTag(id, "t"), Ct));

        Assert.Contains("'a1'", error.Message, StringComparison.Ordinal);
        Assert.Contains("corrupt", error.Message, StringComparison.Ordinal);
    }

    // ---- reservations ----

    [Fact]
    public async Task A_reservation_is_held_by_its_first_owner_and_returned_to_others()
    {
        var id = DatasetId();
        var mine = (await Catalog.GetOrExtendReservationAsync(Reserve(id, "t", "owner-a", TimeSpan.FromSeconds(5)), Ct)).Reservation;

        Assert.Equal("owner-a", mine.OwnerId);
        Assert.Equal(Duration.FromTimeSpan(TimeSpan.FromSeconds(5)), mine.HeartbeatInterval);
        Assert.Equal(Timestamp.FromDateTimeOffset(Time.GetUtcNow() + TimeSpan.FromSeconds(15)), mine.ExpiresAt);
        Assert.Equal("t", mine.ReservationId.TagName);
        Assert.Equal(id.Name, mine.ReservationId.DatasetId.Name);

        Time.Advance(TimeSpan.FromSeconds(1));
        var theirs = (await Catalog.GetOrExtendReservationAsync(Reserve(id, "t", "owner-b", TimeSpan.FromSeconds(5)), Ct)).Reservation;
        Assert.Equal("owner-a", theirs.OwnerId);
        Assert.Equal(mine.ExpiresAt, theirs.ExpiresAt);
    }

    [Fact]
    public async Task The_owner_extends_its_reservation()
    {
        var id = DatasetId();
        await Catalog.GetOrExtendReservationAsync(Reserve(id, "t", "owner-a", TimeSpan.FromSeconds(5)), Ct);
        Time.Advance(TimeSpan.FromSeconds(10));

        var extended = (await Catalog.GetOrExtendReservationAsync(Reserve(id, "t", "owner-a", TimeSpan.FromSeconds(5)), Ct)).Reservation;

        Assert.Equal("owner-a", extended.OwnerId);
        Assert.Equal(Timestamp.FromDateTimeOffset(Time.GetUtcNow() + TimeSpan.FromSeconds(15)), extended.ExpiresAt);
    }

    [Fact]
    public async Task A_reservation_expires_after_three_heartbeats_and_passes_to_the_next_owner()
    {
        var id = DatasetId();
        await Catalog.GetOrExtendReservationAsync(Reserve(id, "t", "owner-a", TimeSpan.FromSeconds(2)), Ct);

        Time.Advance(TimeSpan.FromSeconds(6));
        var atExpiry = (await Catalog.GetOrExtendReservationAsync(Reserve(id, "t", "owner-b", TimeSpan.FromSeconds(2)), Ct)).Reservation;
        Assert.Equal("owner-a", atExpiry.OwnerId);

        Time.Advance(TimeSpan.FromMilliseconds(1));
        var taken = (await Catalog.GetOrExtendReservationAsync(Reserve(id, "t", "owner-b", TimeSpan.FromSeconds(2)), Ct)).Reservation;
        Assert.Equal("owner-b", taken.OwnerId);
    }

    [Fact]
    public async Task The_heartbeat_is_capped_at_the_maximum_of_ten_seconds()
    {
        var reservation = (await Catalog.GetOrExtendReservationAsync(Reserve(DatasetId(), "t", "owner-a", TimeSpan.FromMinutes(5)), Ct)).Reservation;

        Assert.Equal(Duration.FromTimeSpan(TimeSpan.FromSeconds(10)), reservation.HeartbeatInterval);
        Assert.Equal(Timestamp.FromDateTimeOffset(Time.GetUtcNow() + TimeSpan.FromSeconds(30)), reservation.ExpiresAt);
    }

    [Fact]
    public async Task Only_the_owner_releases_a_reservation_and_releasing_nothing_succeeds()
    {
        var id = DatasetId();
        await Catalog.ReleaseReservationAsync(Release(id, "t", "nobody"), Ct);
        await Catalog.GetOrExtendReservationAsync(Reserve(id, "t", "owner-a", TimeSpan.FromSeconds(5)), Ct);

        await Catalog.ReleaseReservationAsync(Release(id, "t", "owner-b"), Ct);
        var stillA = (await Catalog.GetOrExtendReservationAsync(Reserve(id, "t", "owner-b", TimeSpan.FromSeconds(5)), Ct)).Reservation;
        Assert.Equal("owner-a", stillA.OwnerId);

        await Catalog.ReleaseReservationAsync(Release(id, "t", "owner-a"), Ct);
        var nowB = (await Catalog.GetOrExtendReservationAsync(Reserve(id, "t", "owner-b", TimeSpan.FromSeconds(5)), Ct)).Reservation;
        Assert.Equal("owner-b", nowB.OwnerId);
    }

    [Fact]
    public async Task A_reservation_needs_an_owner_and_a_non_negative_heartbeat()
    {
        await Fails(CatalogErrorCode.InvalidArgument, () => Catalog.GetOrExtendReservationAsync(Reserve(DatasetId(), "t", string.Empty, TimeSpan.FromSeconds(5)), Ct));
        await Fails(CatalogErrorCode.InvalidArgument, () => Catalog.GetOrExtendReservationAsync(Reserve(DatasetId(), "t", "owner", TimeSpan.FromSeconds(-5)), Ct));
    }

    /// <summary>Overwrites the stored bytes of an artifact's first output with bytes that are not a Literal.</summary>
    protected void CorruptStoredValue(string artifactId)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        // 0x0A 0x7F: field 1 (scalar), length-delimited, 127 bytes announced, none present.
        command.CommandText = "UPDATE artifact_data SET value = x'0A7F' WHERE artifact = (SELECT id FROM artifacts WHERE artifact_id = $id);";
        command.Parameters.AddWithValue("$id", artifactId);
        Assert.Equal(1, command.ExecuteNonQuery());
    }

    protected static async Task<CatalogException> Fails(CatalogErrorCode expected, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<CatalogException>(call);
        Assert.True(expected == error.Code, $"expected {expected}, got {error.Code}: {error.Message}");
        return error;
    }
}
