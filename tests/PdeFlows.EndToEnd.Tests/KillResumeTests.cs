using System.Diagnostics;
using PdeFlows.IO;
using Xunit.Abstractions;

namespace PdeFlows.EndToEnd.Tests;

/// <summary>
/// Crash safety of <c>pdeflows run --out</c> (issue 5): the real program is killed with SIGKILL
/// (at seeded random moments, and deterministically inside a checkpoint, step-file and result.h5
/// write through the io fault-injection hook), every HDF5 file left under a final name must open
/// with the readers and the XDMF must parse, and <c>--resume</c> (killed again, then run to the
/// end) must reproduce the uninterrupted run bit for bit: every field at every output time, the
/// series, and every number of the summary except the wall clock and factorization counters.
/// </summary>
[Collection(ProcessCollection.Name)]
public class KillResumeTests(RunFixture fixture, ITestOutputHelper output)
{
    private static Dictionary<string, string> KillBeforeRename(string pattern, int skip = 0, bool half = false) => new()
    {
        ["PDEFLOWS_FAULT_KILL_BEFORE_RENAME"] = pattern,
        ["PDEFLOWS_FAULT_KILL_SKIP"] = skip.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["PDEFLOWS_FAULT_KILL_HALF"] = half ? "1" : "0",
    };

    [Fact]
    public void Killed_at_seeded_random_moments_then_resumed_reproduces_the_uninterrupted_run_bitwise()
    {
        // The kill moments are driven by the run's own progress, not by wall-clock ratios measured
        // under a different load: each process is killed as soon as its newest complete checkpoint
        // reaches a seeded random step (k new checkpoints, k drawn in 1..6 with a fixed seed), i.e.
        // somewhere after that checkpoint's rename — inside a step, an output or the next
        // checkpoint's write. The run has 40 checkpoints (every 5 of 200 steps); the three targets
        // stay below step 150, so each process is still running when it is killed.
        const int seed = 20250611;
        var random = new Random(seed);
        string caseFile = fixture.CaseFile("auto", "strang");
        var reference = fixture.Reference("auto", "strang");
        string run = fixture.NewPath("random-kills");
        string summary = run + ".json";
        int resumes = 0;
        string[] arguments = ["run", caseFile, "--out", run, "--summary", summary];
        for (int kill = 0; kill < 3; kill++)
        {
            int lastCheckpoint = LatestCheckpointStep(run);
            int target = Math.Max(lastCheckpoint, 0) + (5 * random.Next(1, 7));
            using var process = Pdeflows.Start(fixture.Root, null, kill == 0 ? arguments : [.. arguments, "--resume"]);
            var waited = Stopwatch.StartNew();
            while (LatestCheckpointStep(run) < target && !process.HasExited && waited.Elapsed < TimeSpan.FromSeconds(90))
            {
                Thread.Sleep(1);
            }

            int reached = LatestCheckpointStep(run);
            var (wasRunning, result) = process.Kill();
            output.WriteLine($"kill {kill + 1}: target checkpoint step {target}, newest complete checkpoint at the kill step {reached}; {result.Stderr.Trim()}");
            Assert.True(wasRunning, "the process ended before the kill; the test would prove nothing:\n" + result);
            Assert.True(reached >= target, $"killed before the target checkpoint (step {reached} < {target}): the 90 s wait ran out\n{result}");
            Assert.Equal(Pdeflows.KilledExitCode, result.ExitCode);
            Assert.False(File.Exists(Path.Combine(run, "result.h5")), "result.h5 exists: the kill came after the end");
            if (kill > 0)
            {
                Assert.Contains("resuming from", result.Stderr);
                resumes++;
            }

            int files = RunChecks.AssertEveryFileReadable(run);
            Assert.True(files > 0);
        }

        var last = Pdeflows.Run(fixture.Root, null, [.. arguments, "--resume"]);
        Assert.True(last.ExitCode == 0, last.ToString());
        Assert.Contains("resuming from", last.Stderr);
        resumes++;
        Assert.Equal(3, resumes);
        RunChecks.AssertEveryFileReadable(run);
        RunChecks.AssertSameResultBitwise(reference.Run, run);
        int numbers = RunChecks.AssertSameSummary(reference.Summary, summary);
        output.WriteLine($"bitwise identical to the uninterrupted run: fields, series and {numbers} summary numbers");
    }

    [Fact]
    public void Killed_inside_checkpoint_step_and_result_writes_then_resumed_reproduces_the_uninterrupted_run_bitwise()
    {
        // Conjugate gradients (iterative: its initial guess must come from the state alone) with the Strang scheme.
        string caseFile = fixture.CaseFile("pcg", "strang");
        var reference = fixture.Reference("pcg", "strang");
        string run = fixture.NewPath("fault-kills");
        string summary = run + ".json";
        string[] arguments = ["run", caseFile, "--out", run, "--summary", summary];

        // 1. Inside the 8th checkpoint write (step 40, also an output step), file complete, before its rename.
        var first = Pdeflows.Run(fixture.Root, KillBeforeRename("ckpt-*.h5", skip: 7), arguments);
        AssertKilledByHook(first, "ckpt-000040.h5");
        Assert.True(File.Exists(Path.Combine(run, "checkpoints", "ckpt-000040.h5.tmp")));
        Assert.False(File.Exists(Path.Combine(run, "checkpoints", "ckpt-000040.h5")));
        Assert.False(File.Exists(Path.Combine(run, "steps", "step-000040.h5")));
        AssertAfterKill(run);

        // 2. Resumed, killed inside a half-written checkpoint (the 11th of this process: step 90).
        var second = Pdeflows.Run(fixture.Root, KillBeforeRename("ckpt-*.h5", skip: 10, half: true), [.. arguments, "--resume"]);
        Assert.Contains("resuming from", second.Stderr);
        Assert.Contains("ckpt-000035.h5", second.Stderr);
        AssertKilledByHook(second, "ckpt-000090.h5");
        AssertAfterKill(run);

        // 3. Resumed, killed inside the write of the output at t = 0.35 (step 140).
        var third = Pdeflows.Run(fixture.Root, KillBeforeRename("step-000140.h5"), [.. arguments, "--resume"]);
        Assert.Contains("ckpt-000085.h5", third.Stderr);
        AssertKilledByHook(third, "step-000140.h5");
        AssertAfterKill(run);

        // 4. Resumed, killed inside the consolidation (result.h5 written, not yet renamed).
        var fourth = Pdeflows.Run(fixture.Root, KillBeforeRename("result.h5"), [.. arguments, "--resume"]);
        Assert.Contains("ckpt-000140.h5", fourth.Stderr); // written just before the output at step 140
        AssertKilledByHook(fourth, "result.h5");
        Assert.True(File.Exists(Path.Combine(run, "result.h5.tmp")));
        AssertAfterKill(run);

        // 5. Resumed from the last checkpoint (step 200 = the end) to completion.
        var last = Pdeflows.Run(fixture.Root, null, [.. arguments, "--resume"]);
        Assert.True(last.ExitCode == 0, last.ToString());
        Assert.Contains("ckpt-000200.h5", last.Stderr);
        Assert.Empty(Directory.EnumerateFiles(run, "*.tmp", SearchOption.AllDirectories));
        RunChecks.AssertEveryFileReadable(run);
        RunChecks.AssertSameResultBitwise(reference.Run, run);
        int numbers = RunChecks.AssertSameSummary(reference.Summary, summary);
        output.WriteLine($"bitwise identical to the uninterrupted run after 4 injected kills: fields, series and {numbers} summary numbers");
    }

    private void AssertKilledByHook(ProcessResult result, string file)
    {
        output.WriteLine(result.Stderr.Trim());
        Assert.True(result.ExitCode == Pdeflows.KilledExitCode, "expected a SIGKILL from the fault-injection hook:\n" + result);
        Assert.Contains($"fault injection: killing the process before renaming {file}", result.Stderr);
    }

    private static void AssertAfterKill(string run)
    {
        Assert.False(File.Exists(Path.Combine(run, "result.h5")), "result.h5 exists: the kill came after the end");
        Assert.True(RunChecks.AssertEveryFileReadable(run) > 0);
    }

    private static int LatestCheckpointStep(string run) =>
        Directory.Exists(Path.Combine(run, "checkpoints"))
            ? Directory.EnumerateFiles(Path.Combine(run, "checkpoints"), "ckpt-*.h5")
                .Select(p => int.Parse(Path.GetFileNameWithoutExtension(p)["ckpt-".Length..], System.Globalization.CultureInfo.InvariantCulture))
                .DefaultIfEmpty(-1).Max()
            : -1;
}
