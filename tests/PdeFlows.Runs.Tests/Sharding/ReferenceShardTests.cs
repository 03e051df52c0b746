using System.Text.Json.Nodes;
using PdeFlows.Runs.References;
using PdeFlows.Runs.Sharding;

namespace PdeFlows.Runs.Tests.Sharding;

/// <summary>A reference run in shards of its levels and merged writes what one process writes (reference.json equal except wall-clock seconds).</summary>
public sealed class ReferenceShardTests : IDisposable
{
    private const string Case = """
        name = "fr-shards"
        [domain]
        kind = "interval"
        lower = [-1.0]
        upper = [2.0]
        cells = [12]
        [target]
        potential = "x^2/2"
        [initial]
        density = "exp(-(x-0.5)^2)"
        mass = 2.0
        [flow]
        kind = "wfr"
        energy = "kl"
        [time]
        end = 0.5
        step = 0.125
        [output]
        times = [0, 0.25, 0.5]
        probes = [[0.0]]
        regions = { left = { lower = [-1.0], upper = [0.5] } }
        """;

    private readonly TemporaryDirectory folder = new("reference-shards");

    public void Dispose() => folder.Dispose();

    [Fact]
    public void The_merge_of_the_level_shards_equals_the_unsharded_reference()
    {
        string path = folder.File("case.toml");
        File.WriteAllText(path, Case);
        ReferenceSession.Run(Case, path, 4, folder.File("whole"));
        string[] parts = [folder.File("p1"), folder.File("p2"), folder.File("p3")];
        for (int i = 0; i < 3; i++)
        {
            ReferenceShards.RunShard(Case, path, 4, new ShardSpec(i + 1, 3), parts[i]);
        }

        var outcome = ShardMerge.Merge(parts, folder.File("merged"));
        Assert.Equal(ShardManifest.ReferenceKind, outcome.Kind);
        foreach (string file in new[] { "reference.md", "reference.csv", "convergence.png" })
        {
            Assert.True(File.ReadAllBytes(folder.File("whole/" + file)).SequenceEqual(File.ReadAllBytes(folder.File("merged/" + file))), file);
        }

        string whole = WithoutWallSeconds(folder.File("whole/reference.json"));
        Assert.Equal(whole, WithoutWallSeconds(folder.File("merged/reference.json")));
        Assert.Contains("\"extrapolated\"", whole, StringComparison.Ordinal);
    }

    [Fact]
    public void Shards_with_other_levels_are_refused()
    {
        string path = folder.File("case.toml");
        File.WriteAllText(path, Case);
        ReferenceShards.RunShard(Case, path, 3, new ShardSpec(1, 2), folder.File("p1"));
        ReferenceShards.RunShard(Case, path, 4, new ShardSpec(2, 2), folder.File("p2"));
        var e = Assert.Throws<ShardMergeException>(() => ShardMerge.Merge([folder.File("p1"), folder.File("p2")], null));
        Assert.Contains("4 levels", e.Message, StringComparison.Ordinal);
        Assert.StartsWith(folder.File("p2"), e.Message, StringComparison.Ordinal);
    }

    /// <summary>The JSON with every <c>wall_seconds</c> field removed (the only fields that differ between processes).</summary>
    private static string WithoutWallSeconds(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        ((JsonObject)root["provenance"]!).Remove("wall_seconds");
        foreach (JsonNode? level in root["levels"]!.AsArray())
        {
            ((JsonObject)level!).Remove("wall_seconds");
        }

        return root.ToJsonString();
    }
}
