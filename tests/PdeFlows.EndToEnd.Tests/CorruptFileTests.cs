namespace PdeFlows.EndToEnd.Tests;

/// <summary>
/// Corrupt or truncated result files and checkpoints, through the command line: exit 2, a message
/// naming the file and what is wrong, and nothing on disk touched.
/// </summary>
[Collection(ProcessCollection.Name)]
public class CorruptFileTests(RunFixture fixture)
{
    [Fact]
    public void Info_on_a_truncated_result_or_random_bytes_exits_2_naming_the_file()
    {
        var reference = fixture.Reference("auto", "strang");
        string folder = fixture.NewPath("corrupt-info");
        RunChecks.CopyDirectory(reference.Run, folder);
        string result = Path.Combine(folder, "result.h5");
        byte[] bytes = File.ReadAllBytes(result);
        File.WriteAllBytes(result, bytes[..(bytes.Length / 2)]);
        string garbage = Path.Combine(folder, "garbage.h5");
        File.WriteAllBytes(garbage, Enumerable.Range(0, 4096).Select(i => (byte)((i * 2654435761u) >> 24)).ToArray());
        var before = RunChecks.Snapshot(folder);

        var ok = Pdeflows.Run(fixture.Root, null, "info", reference.Run);
        Assert.True(ok.ExitCode == 0, ok.ToString());
        foreach (string path in new[] { result, folder, garbage })
        {
            var info = Pdeflows.Run(fixture.Root, null, "info", path);
            Assert.True(info.ExitCode == 2, info.ToString());
            string expectedName = path == garbage ? "garbage.h5" : "result.h5";
            string line = info.Stderr.Trim();
            Assert.StartsWith("pdeflows info: ", line);
            Assert.Contains(expectedName, line);
            Assert.True(line.Length > line.IndexOf(expectedName, StringComparison.Ordinal) + expectedName.Length + 5, "the message should say what is wrong: " + line);
            Assert.DoesNotContain("internal error", line);
        }

        Assert.Equal(before, RunChecks.Snapshot(folder));
    }

    [Fact]
    public void Resume_with_only_a_corrupt_checkpoint_or_a_changed_case_exits_2_and_touches_nothing()
    {
        string caseFile = fixture.CaseFile("auto", "strang");
        string run = fixture.NewPath("corrupt-resume");
        string summary = run + ".json";
        // A run killed in its second checkpoint write: one complete checkpoint (step 5) and a .tmp.
        var killed = Pdeflows.Run(fixture.Root, new Dictionary<string, string> { ["PDEFLOWS_FAULT_KILL_BEFORE_RENAME"] = "ckpt-*.h5", ["PDEFLOWS_FAULT_KILL_SKIP"] = "1" },
            "run", caseFile, "--out", run, "--summary", summary);
        Assert.Equal(Pdeflows.KilledExitCode, killed.ExitCode);
        string checkpoint = Path.Combine(run, "checkpoints", "ckpt-000005.h5");
        Assert.True(File.Exists(checkpoint));

        // The case text changed (one more output time): refused before anything is deleted.
        string changed = Path.Combine(fixture.Root, "changed-case.toml");
        File.WriteAllText(changed, File.ReadAllText(caseFile).Replace("times = [0, 0.1,", "times = [0, 0.05, 0.1,"));
        var before = RunChecks.Snapshot(run);
        var other = Pdeflows.Run(fixture.Root, null, "run", changed, "--out", run, "--summary", summary, "--resume");
        Assert.True(other.ExitCode == 2, other.ToString());
        Assert.Contains("ckpt-000005.h5", other.Stderr);
        Assert.Contains("another case text", other.Stderr);
        Assert.Equal(before, RunChecks.Snapshot(run));
        Assert.False(File.Exists(summary));

        // The only checkpoint truncated: no complete checkpoint, naming the skipped file and why.
        byte[] bytes = File.ReadAllBytes(checkpoint);
        File.WriteAllBytes(checkpoint, bytes[..(bytes.Length / 2)]);
        before = RunChecks.Snapshot(run);
        var corrupt = Pdeflows.Run(fixture.Root, null, "run", caseFile, "--out", run, "--summary", summary, "--resume");
        Assert.True(corrupt.ExitCode == 2, corrupt.ToString());
        Assert.Contains("no complete checkpoint", corrupt.Stderr);
        Assert.Contains("skipped", corrupt.Stderr);
        Assert.Contains("ckpt-000005.h5", corrupt.Stderr);
        Assert.DoesNotContain("internal error", corrupt.Stderr);
        Assert.Equal(before, RunChecks.Snapshot(run));
        Assert.False(File.Exists(summary));
    }
}
