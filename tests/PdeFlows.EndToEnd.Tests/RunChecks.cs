using System.Security.Cryptography;
using System.Text.Json;
using System.Xml.Linq;
using PdeFlows.IO;

namespace PdeFlows.EndToEnd.Tests;

/// <summary>Assertions on result directories and summaries written by the pdeflows process.</summary>
internal static class RunChecks
{
    /// <summary>Summary entries that measure the process, not the computation: wall clock, and the factorizations a resumed process redoes.</summary>
    private static readonly HashSet<string> ProcessMeasurements = ["$.wall_seconds", "$.run.factorizations", "$.run.factorization_seconds"];

    /// <summary>
    /// Every final-named *.h5 file in <paramref name="run"/> (not *.tmp) opens with the readers
    /// (fields and checkpoints read completely) and result.xdmf, if present, parses and points at
    /// files that exist. Returns the number of HDF5 files checked.
    /// </summary>
    public static int AssertEveryFileReadable(string run)
    {
        int checkedFiles = 0;
        if (!Directory.Exists(run))
        {
            return 0;
        }

        var h5 = Directory.EnumerateFiles(run, "*.h5", SearchOption.AllDirectories).Select(Path.GetFullPath).ToHashSet();
        if (File.Exists(Path.Combine(run, "mesh.h5")))
        {
            // Unfinished view (mesh.h5 + steps/ + series.h5), even when result.h5 exists.
            checkedFiles += ReadRunningView(run);
            h5.Remove(Path.GetFullPath(Path.Combine(run, "mesh.h5")));
            h5.Remove(Path.GetFullPath(Path.Combine(run, "series.h5")));
            h5.RemoveWhere(p => Path.GetFileName(Path.GetDirectoryName(p)) == "steps");
        }

        string result = Path.Combine(run, "result.h5");
        if (File.Exists(result))
        {
            using var finished = ResultReader.Open(result);
            checkedFiles += ReadAll(finished);
            h5.Remove(Path.GetFullPath(result));
        }

        foreach (string checkpoint in h5.Where(p => Path.GetFileName(Path.GetDirectoryName(p)) == "checkpoints").ToList())
        {
            var state = CheckpointReader.Read(checkpoint);
            Assert.True(state.State.Arrays.ContainsKey("density"), checkpoint);
            h5.Remove(checkpoint);
            checkedFiles++;
        }

        Assert.True(h5.Count == 0, "unexpected HDF5 files: " + string.Join(", ", h5));
        string xdmf = Path.Combine(run, "result.xdmf");
        if (File.Exists(xdmf))
        {
            var document = XDocument.Load(xdmf);
            var items = document.Descendants().Where(e => e.Name.LocalName == "DataItem" && (string?)e.Attribute("Format") == "HDF").ToList();
            Assert.NotEmpty(items);
            foreach (var item in items)
            {
                string file = item.Value.Trim().Split(':')[0];
                Assert.True(File.Exists(Path.Combine(run, file)), $"{xdmf} points at {file}, which does not exist");
            }
        }

        return checkedFiles;
    }

    private static int ReadRunningView(string run)
    {
        // ResultReader.Open(directory) prefers result.h5; to read the step files too, open a copy of
        // the directory without it when it exists.
        if (!File.Exists(Path.Combine(run, "result.h5")))
        {
            using var reader = ResultReader.Open(run);
            return ReadAll(reader);
        }

        string copy = Path.Combine(Path.GetTempPath(), "pdeflows-e2e-view-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path.Combine(copy, "steps"));
        File.Copy(Path.Combine(run, "mesh.h5"), Path.Combine(copy, "mesh.h5"));
        if (File.Exists(Path.Combine(run, "series.h5")))
        {
            File.Copy(Path.Combine(run, "series.h5"), Path.Combine(copy, "series.h5"));
        }

        foreach (string step in Directory.EnumerateFiles(Path.Combine(run, "steps"), "*.h5"))
        {
            File.Copy(step, Path.Combine(copy, "steps", Path.GetFileName(step)));
        }

        try
        {
            using var reader = ResultReader.Open(copy);
            return ReadAll(reader);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    private static int ReadAll(ResultReader reader)
    {
        reader.ReadMesh();
        for (int k = 0; k < reader.Steps.Count; k++)
        {
            Assert.Contains("u", reader.ReadFields(k).Keys);
        }

        return 1 + reader.Steps.Count;
    }

    /// <summary>The finished results hold the same output steps, times, fields and series, bit for bit.</summary>
    public static void AssertSameResultBitwise(string expectedRun, string actualRun)
    {
        using var expected = ResultReader.Open(Path.Combine(expectedRun, "result.h5"));
        using var actual = ResultReader.Open(Path.Combine(actualRun, "result.h5"));
        Assert.Equal(expected.Steps.Select(s => s.Step), actual.Steps.Select(s => s.Step));
        Assert.Equal(Bits(expected.Times), Bits(actual.Times));
        for (int k = 0; k < expected.Steps.Count; k++)
        {
            var e = expected.ReadFields(k);
            var a = actual.ReadFields(k);
            Assert.Equal(e.Keys.Order(), a.Keys.Order());
            foreach (var (name, values) in e)
            {
                long[] eb = Bits(values), ab = Bits(a[name]);
                for (int i = 0; i < eb.Length; i++)
                {
                    Assert.True(eb[i] == ab[i], $"output {k} (t = {expected.Times[k]:R}) field {name} node {i}: {values[i]:R} uninterrupted, {a[name][i]:R} resumed");
                }
            }
        }

        Assert.Equal(Bits(expected.Series.Times), Bits(actual.Series.Times));
        Assert.Equal(expected.Series.Quantities.Keys.Order(), actual.Series.Quantities.Keys.Order());
        foreach (var (name, values) in expected.Series.Quantities)
        {
            Assert.True(Bits(values.Values).SequenceEqual(Bits(actual.Series.Quantities[name].Values)), $"series quantity {name} differs");
        }
    }

    /// <summary>
    /// The summaries hold the same numbers (compared as the JSON writer's round-trip text, so
    /// bitwise), except wall-clock and factorization counters, which measure the process.
    /// Returns how many numbers were compared.
    /// </summary>
    public static int AssertSameSummary(string expectedFile, string actualFile)
    {
        using var expected = JsonDocument.Parse(File.ReadAllText(expectedFile));
        using var actual = JsonDocument.Parse(File.ReadAllText(actualFile));
        int numbers = 0;
        Compare(expected.RootElement, actual.RootElement, "$", ref numbers);
        return numbers;
    }

    private static void Compare(JsonElement e, JsonElement a, string path, ref int numbers)
    {
        if (ProcessMeasurements.Contains(path))
        {
            return;
        }

        Assert.True(e.ValueKind == a.ValueKind, $"{path}: {e.ValueKind} vs {a.ValueKind}");
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                Assert.Equal(e.EnumerateObject().Select(p => p.Name).Order(), a.EnumerateObject().Select(p => p.Name).Order());
                foreach (var property in e.EnumerateObject())
                {
                    Compare(property.Value, a.GetProperty(property.Name), $"{path}.{property.Name}", ref numbers);
                }

                break;
            case JsonValueKind.Array:
                Assert.True(e.GetArrayLength() == a.GetArrayLength(), $"{path}: length {e.GetArrayLength()} vs {a.GetArrayLength()}");
                int i = 0;
                foreach (var (x, y) in e.EnumerateArray().Zip(a.EnumerateArray()))
                {
                    Compare(x, y, $"{path}[{i++}]", ref numbers);
                }

                break;
            case JsonValueKind.Number:
                numbers++;
                Assert.True(BitConverter.DoubleToInt64Bits(e.GetDouble()) == BitConverter.DoubleToInt64Bits(a.GetDouble()) && e.GetRawText() == a.GetRawText(),
                    $"{path}: {e.GetRawText()} uninterrupted, {a.GetRawText()} resumed");
                break;
            default:
                Assert.True(e.GetRawText() == a.GetRawText(), $"{path}: {e.GetRawText()} vs {a.GetRawText()}");
                break;
        }
    }

    /// <summary>Relative path → SHA-256 of every file below <paramref name="directory"/>.</summary>
    public static SortedDictionary<string, string> Snapshot(string directory) =>
        new(Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .ToDictionary(p => Path.GetRelativePath(directory, p), p => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(p)))), StringComparer.Ordinal);

    /// <summary>Copies a directory tree.</summary>
    public static void CopyDirectory(string from, string to)
    {
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static long[] Bits(IEnumerable<double> values) => values.Select(BitConverter.DoubleToInt64Bits).ToArray();
}
