using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace PdeFlows.Cli.Tests;

/// <summary>
/// Issue 13 item 4: the catalog of bad inputs in <c>tests/catalog/</c> (case files, study files,
/// Gmsh meshes in formats 2.2 and 4.1, result and checkpoint files), one file each with an
/// expectation beside it (<c>NAME.EXT.expect</c>: the token the message must contain and where —
/// the line and/or the key). Each entry is fed to the command that reads it, as a user would:
/// exit code 2, a message that names the file, the token and the line or key, no stack trace and
/// no exception type name, and every file and folder that existed before (inputs and earlier
/// outputs) unchanged. An entry without an expectation, or an expectation without its entry, fails.
/// The format is described in tests/catalog/README.md.
/// </summary>
public sealed partial class BadInputCatalogTests
{
    /// <summary>The kinds of entries, each a folder of tests/catalog/.</summary>
    private static readonly string[] Kinds = ["case", "study", "mesh", "result", "checkpoint"];

    /// <summary>Where a checkpoint entry is put in the run it is resumed from (what the messages name).</summary>
    private const string CheckpointName = "ckpt-000005.h5";

    public static TheoryData<string> Entries()
    {
        var data = new TheoryData<string>();
        foreach (string entry in EntryNames())
        {
            data.Add(entry);
        }

        return data;
    }

    /// <summary>Every entry, as KIND/FILE.</summary>
    private static List<string> EntryNames()
    {
        var data = new List<string>();
        string catalog = CatalogFolder();
        foreach (string kind in Kinds)
        {
            string folder = Path.Combine(catalog, kind);
            foreach (string file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
            {
                // Every file is an entry; an expectation is an entry only when its input is missing.
                bool expectation = file.EndsWith(".expect", StringComparison.Ordinal);
                if (!expectation || !File.Exists(file[..^".expect".Length]))
                {
                    data.Add($"{kind}/{Path.GetFileName(file)}");
                }
            }
        }

        return data;
    }

    [Fact]
    public void The_catalog_holds_at_least_100_bad_inputs_and_every_kind()
    {
        var entries = EntryNames();
        Assert.True(entries.Count >= 100, $"{entries.Count} catalog entries, expected at least 100");
        foreach (string kind in Kinds)
        {
            Assert.True(entries.Count(e => e.StartsWith(kind + "/", StringComparison.Ordinal)) >= 8, $"too few '{kind}' entries");
        }

        // Both Gmsh formats.
        Assert.True(entries.Count(e => e.StartsWith("mesh/v22-", StringComparison.Ordinal)) >= 8, "too few msh 2.2 entries (mesh/v22-*)");
        Assert.True(entries.Count(e => e.StartsWith("mesh/v41-", StringComparison.Ordinal)) >= 8, "too few msh 4.1 entries (mesh/v41-*)");
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void Bad_input_is_refused_with_a_located_message_and_nothing_changed(string entry)
    {
        string input = Path.Combine(CatalogFolder(), entry);
        Assert.False(input.EndsWith(".expect", StringComparison.Ordinal), $"{entry}: an expectation without its input file");
        string expectationFile = input + ".expect";
        Assert.True(File.Exists(expectationFile), $"{entry}: no expectation; write {entry}.expect (see tests/catalog/README.md)");
        var expectation = Expectation.Read(expectationFile);

        string work = Directory.CreateTempSubdirectory("pdeflows-catalog-").FullName;
        try
        {
            string kind = entry[..entry.IndexOf('/', StringComparison.Ordinal)];
            var (arguments, named) = Prepare(kind, input, work);
            var before = Snapshot(work);
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            int code = CommandLineApp.Run(arguments, stdout, stderr);
            string output = stdout + "\n" + stderr;
            string message = stderr.ToString();
            Assert.True(code == ExitCodes.BadInput, $"{entry}: exit {code}, expected 2\n{output}");
            Assert.Contains(expectation.File ?? named, message);
            Assert.True(message.Contains(expectation.Token, StringComparison.Ordinal), $"{entry}: the message lacks '{expectation.Token}':\n{message}");
            if (expectation.Line is int line)
            {
                Assert.True(message.Contains($"{expectation.File ?? named}:{line}:", StringComparison.Ordinal), $"{entry}: the message does not name line {line}:\n{message}");
            }

            if (expectation.WholeFile)
            {
                // Only a binary file can be wrong as a whole (not HDF5 at all, or cut short): no line or key exists.
                Assert.True(kind is "result" or "checkpoint", $"{entry}: 'where: file' is for HDF5 entries; a text file's error has a line");
            }

            if (expectation.Key is string key)
            {
                Assert.True(message.Contains(key, StringComparison.Ordinal), $"{entry}: the message does not name the key '{key}':\n{message}");
            }

            Assert.DoesNotContain("   at ", output);
            Assert.DoesNotContain("internal error", output);
            Assert.False(ExceptionTypeName().IsMatch(output), $"{entry}: an exception type name in the output:\n{output}");
            Assert.Equal(before, Snapshot(work));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Copies the entry into <paramref name="work"/> beside earlier outputs and returns the command line and the file name the message must name.</summary>
    private static (string[] Arguments, string Named) Prepare(string kind, string input, string work)
    {
        string name = Path.GetFileName(input);
        string copy = Path.Combine(work, name);
        File.Copy(input, copy);
        // Earlier outputs that a refused command must leave alone.
        string output = Path.Combine(work, "out");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "earlier-result.txt"), "an earlier run's output");
        string summary = Path.Combine(work, "summary.json");
        File.WriteAllText(summary, "{ \"case\": \"earlier\" }");
        string hosts = Path.Combine(CatalogFolder(), "hosts");
        switch (kind)
        {
            case "case":
                return (["run", copy, "--out", output, "--summary", summary, "--quiet"], name);
            case "study":
                return (["verify", copy, "--out", output, "--quiet"], name);
            case "mesh":
            {
                string host = Path.Combine(work, "mesh-case.toml");
                File.WriteAllText(host, File.ReadAllText(Path.Combine(hosts, "mesh-case.toml")).Replace("@MESH@", name, StringComparison.Ordinal));
                return (["run", host, "--out", output, "--summary", summary, "--quiet"], name);
            }

            case "result":
                // plot reads everything (mesh arrays and every field), info only the headers.
                return (["plot", copy, "--out", output], name);
            case "checkpoint":
            {
                string host = Path.Combine(work, "checkpoint-case.toml");
                File.Copy(Path.Combine(hosts, "checkpoint-case.toml"), host);
                string run = Path.Combine(work, "run");
                Directory.CreateDirectory(Path.Combine(run, "checkpoints"));
                File.Move(copy, Path.Combine(run, "checkpoints", CheckpointName));
                return (["run", host, "--out", run, "--summary", summary, "--resume", "--quiet"], CheckpointName);
            }

            default:
                throw new ArgumentException($"unknown catalog kind '{kind}'", nameof(kind));
        }
    }

    /// <summary>Every file (relative path → SHA-256) and every folder under <paramref name="root"/>.</summary>
    private static SortedDictionary<string, string> Snapshot(string root)
    {
        var snapshot = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (string directory in Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories))
        {
            snapshot[Path.GetRelativePath(root, directory) + "/"] = "folder";
        }

        foreach (string file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            snapshot[Path.GetRelativePath(root, file)] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
        }

        return snapshot;
    }

    internal static string CatalogFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PdeFlows.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("PdeFlows.sln not found above the test binaries."), "tests", "catalog");
    }

    /// <summary>A .NET exception type name (e.g. <c>InvalidOperationException</c>) in a message meant for a user.</summary>
    [GeneratedRegex(@"\b[A-Z][A-Za-z]*Exception\b")]
    private static partial Regex ExceptionTypeName();

    /// <summary>
    /// An entry's expectation: <c>token: TEXT</c> (required), the location — <c>line: N</c> and/or
    /// <c>key: TEXT</c>, or <c>where: file</c> for an HDF5 file wrong as a whole — and <c>file: NAME</c>
    /// (optional: the name the message must give, when not the entry's); <c>#</c> starts a comment line.
    /// </summary>
    private sealed record Expectation(string Token, int? Line, string? Key, string? File, bool WholeFile)
    {
        public static Expectation Read(string path)
        {
            string? token = null, key = null, file = null;
            int? line = null;
            bool wholeFile = false;
            foreach (string raw in System.IO.File.ReadAllLines(path))
            {
                string text = raw.Trim();
                if (text.Length == 0 || text.StartsWith('#'))
                {
                    continue;
                }

                int colon = text.IndexOf(':', StringComparison.Ordinal);
                Assert.True(colon > 0, $"{path}: '{raw}' is not 'name: value'");
                string name = text[..colon].Trim(), value = text[(colon + 1)..].Trim();
                switch (name)
                {
                    case "token": token = value; break;
                    case "key": key = value; break;
                    case "file": file = value; break;
                    case "where": Assert.True(value == "file", $"{path}: 'where:' can only be 'file'"); wholeFile = true; break;
                    case "line": line = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
                    default: Assert.Fail($"{path}: unknown field '{name}' (token, line, key, where, file)"); break;
                }
            }

            Assert.False(string.IsNullOrEmpty(token), $"{path}: no 'token:'");
            Assert.True(line is not null || key is not null || wholeFile, $"{path}: give the location, 'line:', 'key:' or 'where: file'");
            return new Expectation(token!, line, key, file, wholeFile);
        }
    }
}
