using System.Security.Cryptography;
using System.Text;
using FlyteSharp.Storage;

namespace FlyteSharp.Tests.Storage;

public sealed class LocalBlobStoreTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("flytesharp-blobs-");
    private readonly LocalBlobStore _store;

    public LocalBlobStoreTests() => _store = new LocalBlobStore(Path.Combine(_root.FullName, "raw"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public async Task A_file_is_stored_under_the_sha256_of_its_contents_and_its_own_name()
    {
        var source = await WriteAsync("work/sales.csv", "region,total\neu,3\n");

        var uri = await _store.PutFileAsync(source, Ct);

        var expectedHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("region,total\neu,3\n")));
        Assert.StartsWith("file://", uri, StringComparison.Ordinal);
        Assert.Equal(Path.Combine(_store.RawOutputPrefix, expectedHash, "sales.csv"), LocalBlobStore.ToLocalPath(uri));
        Assert.Equal("region,total\neu,3\n", await ReadAsync(uri));
    }

    [Fact]
    public async Task Only_uris_inside_the_raw_output_prefix_count_as_stored()
    {
        var source = await WriteAsync("work/sales.csv", "a,b\n");
        var stored = await _store.PutFileAsync(source, Ct);

        Assert.True(_store.IsStored(stored));
        Assert.False(_store.IsStored(LocalBlobStore.ToUri(source)));
        Assert.False(_store.IsStored(LocalBlobStore.ToUri(_store.RawOutputPrefix + "-sibling/x.csv")));
        Assert.False(_store.IsStored(LocalBlobStore.ToUri(Path.Combine(_store.RawOutputPrefix, ".staging", "x.csv"))));
        Assert.False(_store.IsStored("s3://bucket/raw/x.csv"));
    }

    [Fact]
    public async Task Storing_the_same_file_again_returns_the_same_uri_and_leaves_no_staging_behind()
    {
        var source = await WriteAsync("work/sales.csv", "a,b\n");

        var first = await _store.PutFileAsync(source, Ct);
        var second = await _store.PutFileAsync(source, Ct);
        var again = await _store.PutFileAsync(first, Ct);

        Assert.Equal(first, second);
        Assert.Equal(first, again);
        Assert.Single(Directory.GetFiles(_store.RawOutputPrefix, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Different_contents_get_different_keys()
    {
        var one = await _store.PutFileAsync(await WriteAsync("one/data.csv", "1"), Ct);
        var two = await _store.PutFileAsync(await WriteAsync("two/data.csv", "2"), Ct);

        Assert.NotEqual(one, two);
        Assert.Equal("1", await ReadAsync(one));
        Assert.Equal("2", await ReadAsync(two));
    }

    [Fact]
    public async Task Concurrent_puts_of_one_file_agree_on_one_copy()
    {
        var source = await WriteAsync("work/big.bin", new string('z', 1 << 20));

        var uris = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => _store.PutFileAsync(source, Ct), Ct)));

        Assert.Single(uris.Distinct());
        Assert.Single(Directory.GetFiles(_store.RawOutputPrefix, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_directory_is_stored_whole_under_a_hash_of_its_paths_and_contents()
    {
        var source = Path.GetDirectoryName(await WriteAsync("out/report/a.csv", "A"))!;
        await WriteAsync("out/report/nested/b.csv", "B");

        var uri = await _store.PutDirectoryAsync(source, Ct);
        var files = await _store.ListAsync(uri, Ct);

        var stored = LocalBlobStore.ToLocalPath(uri);
        Assert.Equal("report", Path.GetFileName(stored));
        Assert.Equal(_store.RawOutputPrefix, Path.GetDirectoryName(Path.GetDirectoryName(stored)));
        Assert.Equal(["a.csv", "nested/b.csv"], files.Select(f => Path.GetRelativePath(stored, LocalBlobStore.ToLocalPath(f)).Replace('\\', '/')));
        Assert.Equal("B", await ReadAsync(files[1]));
        Assert.Equal(uri, await _store.PutDirectoryAsync(source, Ct));
    }

    [Fact]
    public async Task A_directory_key_changes_with_a_renamed_file_or_changed_contents()
    {
        var original = Path.GetDirectoryName(await WriteAsync("v1/dir/a.csv", "A"))!;
        var renamed = Path.GetDirectoryName(await WriteAsync("v2/dir/b.csv", "A"))!;
        var changed = Path.GetDirectoryName(await WriteAsync("v3/dir/a.csv", "a"))!;
        var same = Path.GetDirectoryName(await WriteAsync("v4/dir/a.csv", "A"))!;

        var keys = await Task.WhenAll(new[] { original, renamed, changed, same }.Select(d => _store.PutDirectoryAsync(d, Ct)));

        Assert.Equal(3, keys.Distinct().Count());
        Assert.Equal(keys[0], keys[3]);
    }

    [Fact]
    public async Task Equal_directories_with_different_names_share_the_hash_folder()
    {
        var first = Path.GetDirectoryName(await WriteAsync("x/first/a.csv", "A"))!;
        var second = Path.GetDirectoryName(await WriteAsync("y/second/a.csv", "A"))!;

        var one = LocalBlobStore.ToLocalPath(await _store.PutDirectoryAsync(first, Ct));
        var two = LocalBlobStore.ToLocalPath(await _store.PutDirectoryAsync(second, Ct));

        Assert.Equal(Path.GetDirectoryName(one), Path.GetDirectoryName(two));
        Assert.Equal("first", Path.GetFileName(one));
        Assert.Equal("second", Path.GetFileName(two));
    }

    [Fact]
    public async Task Missing_sources_and_missing_blobs_fail_clearly()
    {
        var missingFile = Path.Combine(_root.FullName, "nope.csv");
        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => _store.PutFileAsync(missingFile, Ct));
        Assert.Contains(missingFile, error.Message, StringComparison.Ordinal);

        await Assert.ThrowsAsync<DirectoryNotFoundException>(() => _store.PutDirectoryAsync(Path.Combine(_root.FullName, "nope"), Ct));
        await Assert.ThrowsAsync<FileNotFoundException>(() => _store.OpenReadAsync(LocalBlobStore.ToUri(missingFile), Ct));
        await Assert.ThrowsAsync<DirectoryNotFoundException>(() => _store.ListAsync(LocalBlobStore.ToUri(missingFile), Ct));
        Assert.False(await _store.ExistsAsync(LocalBlobStore.ToUri(missingFile), Ct));
    }

    [Fact]
    public async Task Exists_and_delete_follow_what_was_stored()
    {
        var uri = await _store.PutFileAsync(await WriteAsync("work/a.csv", "A"), Ct);
        Assert.True(await _store.ExistsAsync(uri, Ct));

        Assert.True(await _store.DeleteAsync(uri, Ct));
        Assert.False(await _store.ExistsAsync(uri, Ct));
        Assert.False(await _store.DeleteAsync(uri, Ct));
        Assert.Equal([".staging"], Directory.GetFileSystemEntries(_store.RawOutputPrefix).Select(Path.GetFileName));
        Assert.Equal(uri, await _store.PutFileAsync(await WriteAsync("work/a.csv", "A"), Ct));
    }

    [Fact]
    public async Task Delete_refuses_paths_outside_the_raw_output_prefix()
    {
        var outside = await WriteAsync("work/keep.csv", "keep");

        await Assert.ThrowsAsync<InvalidOperationException>(() => _store.DeleteAsync(LocalBlobStore.ToUri(outside), Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => _store.DeleteAsync(_store.RawOutputPrefix, Ct));
        Assert.True(File.Exists(outside));
    }

    [Fact]
    public async Task Names_with_spaces_hashes_and_non_ascii_round_trip_through_file_uris()
    {
        var source = await WriteAsync("work/q1 #2 naïve.csv", "x");

        var uri = await _store.PutFileAsync(source, Ct);

        Assert.DoesNotContain(" ", uri, StringComparison.Ordinal);
        Assert.Equal("q1 #2 naïve.csv", Path.GetFileName(LocalBlobStore.ToLocalPath(uri)));
        Assert.Equal("x", await ReadAsync(uri));
    }

    [Fact]
    public void Only_file_uris_and_plain_paths_are_handled()
    {
        Assert.True(_store.CanHandle("file:///tmp/a.csv"));
        Assert.True(_store.CanHandle("/tmp/a.csv"));
        Assert.True(_store.CanHandle("relative/a.csv"));
        Assert.False(_store.CanHandle("s3://bucket/a.csv"));
        Assert.False(_store.CanHandle(string.Empty));
        Assert.Throws<ArgumentException>(() => LocalBlobStore.ToLocalPath("gs://bucket/a.csv"));
    }

    [Fact]
    public async Task A_directory_holding_the_raw_prefix_is_refused()
    {
        await WriteAsync("a.csv", "A");

        await Assert.ThrowsAsync<ArgumentException>(() => _store.PutDirectoryAsync(_root.FullName, Ct));
    }

    private async Task<string> WriteAsync(string relativePath, string contents)
    {
        var path = Path.Combine(_root.FullName, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, contents, Ct);
        return path;
    }

    private async Task<string> ReadAsync(string uri)
    {
        await using var stream = await _store.OpenReadAsync(uri, Ct);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(Ct);
    }
}
