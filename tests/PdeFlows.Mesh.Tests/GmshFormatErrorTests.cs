using PdeFlows.Mesh;
using Xunit.Sdk;

namespace PdeFlows.Mesh.Tests;

/// <summary>Bad .msh input: each case names the file, the 1-based line and what was expected.</summary>
public class GmshFormatErrorTests
{
    // The unit square in format 2.2, one line per entry: line n is Square22[n - 1].
    private static readonly string[] Square22 = File.ReadAllLines(GmshFixtureTests.Fixture("square22.msh"));
    private static readonly string[] Square41 = File.ReadAllLines(GmshFixtureTests.Fixture("square41.msh"));

    public static TheoryData<string, string[], int, string> Cases => new()
    {
        { "empty file", [], 1, "empty file: expected $MeshFormat" },
        { "missing $MeshFormat", Square22[3..], 1, "expected $MeshFormat as the first line" },
        { "unsupported version", With(Square22, 2, "3.0 0 8"), 2, "unsupported .msh version 3.0: expected 4.1 or 2.2" },
        { "binary file", With(Square22, 2, "4.1 1 8"), 2, "binary .msh not supported yet, re-save as ASCII" },
        { "truncated in $Nodes", Square22[..14], 15, "unexpected end of file: expected node 4 of 5" },
        { "node count too large", With(Square22, 11, "6"), 17, "section ended early, so a count in its header disagrees" },
        { "node count too small", With(Square22, 11, "4"), 16, "expected $EndNodes after 4 nodes (the header's count)" },
        { "4.1 node count disagrees", With(Square41, 24, "9 6 1 5"), 24, "the $Nodes header announces 6 nodes but its 9 blocks hold 5" },
        { "unknown element type", With(Square22, 24, "5 3 2 3 1 1 2 5 4"), 24, "unsupported element type 3 (4-node quadrangle)" },
        { "4.1 unknown element type", With(Square41, 55, "2 1 9 4"), 55, "unsupported element type 9 (6-node second-order triangle)" },
        { "non-numeric coordinate", With(Square22, 13, "2 abc 0 0"), 13, "expected a number for x, found 'abc'" },
        { "non-numeric element tag", With(Square22, 20, "one 1 2 1 1 1 2"), 20, "expected an integer for the element tag, found 'one'" },
        { "missing node", With(Square22, 26, "7 2 2 3 1 2 3 77"), 26, "element 7 refers to node 77, which is not in $Nodes" },
        { "missing $EndNodes", Without(Square22, 17), 17, "expected $EndNodes after 5 nodes" },
        { "missing $EndElements", Square22[..^1], 28, "unexpected end of file: expected $EndElements" },
        { "4.1 missing $EndElements", Square41[..^1], 60, "unexpected end of file: expected $EndElements" },
        { "mixed orientation", With(Square22, 25, "6 2 2 3 1 1 4 5"), 25, "element 6 is negatively oriented while 3 of 4 cells are the other way: mixed orientations" },
        { "degenerate cell", With(Square22, 16, "5 0.5 0 0"), 24, "element 5 is degenerate" },
        { "nonzero z in 2D", With(Square22, 16, "5 0.5 0.5 0.25"), 16, "node 5 has nonzero z = 0.25, but the mesh is 2D" },
        { "duplicate node tag", With(Square22, 14, "2 1 1 0"), 14, "node tag 2 appears twice (first at line 13)" },
        { "$Elements before $Nodes", [.. Square22[..9], .. Square22[17..]], 10, "found $Elements before $Nodes" },
        { "unterminated section", [.. Square22, "$Comments", "hello"], 29, "section $Comments has no $EndComments" },
        { "no $Elements", Square22[..17], 18, "no $Elements section" },
        { "wrong node count in element", With(Square22, 24, "5 2 2 3 1 1 2"), 24, "element 5 of type 2 needs 3 node tags, found 2" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_names_the_file_the_line_and_what_was_expected(string label, string[] lines, int line, string phrase)
    {
        AssertFormatError(lines, line, phrase, label);
    }

    [Fact]
    public void The_message_has_the_form_file_colon_line_colon_problem()
    {
        var error = Assert.Throws<MeshFormatException>(() => GmshReader.Read(new StringReader(string.Join("\n", With(Square22, 2, "3.0 0 8"))), "case.msh"));
        Assert.StartsWith("case.msh:2: unsupported .msh version 3.0", error.Message);
        Assert.Equal("case.msh", error.File);
    }

    [Fact]
    public void A_missing_file_on_disk_is_reported_with_its_path()
    {
        string path = Path.Combine(Path.GetTempPath(), $"pdeflows-no-such-{Guid.NewGuid():N}.msh");
        Assert.Throws<FileNotFoundException>(() => GmshReader.Read(path));
    }

    [Fact]
    public void The_error_checker_fails_on_a_wrong_line_or_phrase_or_valid_input()
    {
        string[] bad = With(Square22, 2, "3.0 0 8");
        Assert.ThrowsAny<XunitException>(() => AssertFormatError(bad, 3, "unsupported .msh version", "wrong line"));
        Assert.ThrowsAny<XunitException>(() => AssertFormatError(bad, 2, "something else", "wrong phrase"));
        Assert.ThrowsAny<XunitException>(() => AssertFormatError(Square22, 1, "anything", "valid input"));
    }

    internal static void AssertFormatError(string[] lines, int line, string phrase, string label)
    {
        var error = Assert.Throws<MeshFormatException>(() => GmshReader.Read(new StringReader(string.Join("\n", lines)), "bad.msh"));
        Assert.True(line == error.Line, $"{label}: expected line {line}, got {error.Line}: {error.Message}");
        Assert.True(error.Problem.Contains(phrase, StringComparison.Ordinal), $"{label}: expected '{phrase}' in: {error.Message}");
        Assert.StartsWith($"bad.msh:{line}: ", error.Message);
    }

    private static string[] With(string[] lines, int line, string text)
    {
        var copy = (string[])lines.Clone();
        copy[line - 1] = text;
        return copy;
    }

    private static string[] Without(string[] lines, int line) => [.. lines[..(line - 1)], .. lines[line..]];
}
