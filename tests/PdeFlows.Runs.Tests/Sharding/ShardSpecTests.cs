using PdeFlows.Runs.Sharding;

namespace PdeFlows.Runs.Tests.Sharding;

/// <summary><c>--shard I/N</c>: parsing, and that the N subsets are disjoint and cover every task.</summary>
public sealed class ShardSpecTests
{
    [Theory]
    [InlineData("1/1", 1, 1)]
    [InlineData("2/3", 2, 3)]
    [InlineData("12/12", 12, 12)]
    public void I_over_n_parses(string text, int index, int count)
    {
        Assert.Equal(new ShardSpec(index, count), ShardSpec.Parse(text));
        Assert.Equal(text, ShardSpec.Parse(text).ToString());
    }

    [Theory]
    [InlineData("0/3")]
    [InlineData("4/3")]
    [InlineData("3")]
    [InlineData("1/0")]
    [InlineData("a/b")]
    [InlineData("-1/3")]
    [InlineData("1/3/5")]
    [InlineData(" 1/3")]
    public void Anything_else_is_refused(string text)
    {
        var e = Assert.Throws<FormatException>(() => ShardSpec.Parse(text));
        Assert.Contains(text, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10, 3)]
    [InlineData(4, 4)]
    [InlineData(2, 5)]
    [InlineData(1, 1)]
    public void The_shards_are_disjoint_and_cover_every_task_in_order(int tasks, int shards)
    {
        var all = Enumerable.Range(1, shards).SelectMany(i => new ShardSpec(i, shards).Select(tasks)).ToList();
        Assert.Equal(Enumerable.Range(0, tasks), all.Order());
        Assert.All(Enumerable.Range(1, shards), i => Assert.True(new ShardSpec(i, shards).Select(tasks).SequenceEqual(new ShardSpec(i, shards).Select(tasks).Order())));
    }

    [Fact]
    public void Round_robin_mixes_cheap_and_expensive_runs()
    {
        Assert.Equal([0, 3], new ShardSpec(1, 3).Select(4));
        Assert.Equal([1], new ShardSpec(2, 3).Select(4));
        Assert.Empty(new ShardSpec(5, 5).Select(4));
    }
}
