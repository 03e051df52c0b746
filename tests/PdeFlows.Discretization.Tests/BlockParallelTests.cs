using PdeFlows.Discretization.LinearAlgebra;

namespace PdeFlows.Discretization.Tests;

/// <summary>
/// The thread team of <see cref="BlockParallel"/>: every block of every job runs exactly once and is
/// done when <see cref="BlockParallel.Run"/> returns, over many short jobs in a row (the case where a
/// helper that wakes late could otherwise run a block of the wrong job, twice, or after the return).
/// </summary>
public class BlockParallelTests
{
    private sealed class CountingJob(int blocks) : BlockJob
    {
        public readonly int[] Runs = new int[blocks];

        public int Job;

        public readonly int[] SeenJob = new int[blocks];

        public int OtherThread;

        public int Caller;

        public override void Run(int block)
        {
            Interlocked.Increment(ref Runs[block]);
            if (Environment.CurrentManagedThreadId != Caller)
            {
                Interlocked.Increment(ref OtherThread);
            }

            Thread.SpinWait(block % 3 == 0 ? 2000 : 200); // uneven blocks, long enough for the helper to take some
            SeenJob[block] = Volatile.Read(ref Job);
        }
    }

    [Fact]
    public void Every_block_of_every_job_runs_once_before_run_returns()
    {
        int saved = BlockParallel.ThreadCount;
        BlockParallel.ThreadCount = 2;
        try
        {
            var jobs = new[] { new CountingJob(7), new CountingJob(1), new CountingJob(12) };
            foreach (var job in jobs)
            {
                job.Caller = Environment.CurrentManagedThreadId;
            }

            for (int round = 0; round < 3_000; round++)
            {
                var job = jobs[round % jobs.Length];
                job.Job = round;
                BlockParallel.Run(job.Runs.Length, job);
                for (int b = 0; b < job.Runs.Length; b++)
                {
                    Assert.True(job.Runs[b] == 1, $"round {round}: block {b} ran {job.Runs[b]} times");
                    Assert.True(job.SeenJob[b] == round, $"round {round}: block {b} ran for round {job.SeenJob[b]}");
                    job.Runs[b] = 0;
                }
            }

            // The check above only means something if the team took part.
            Assert.True(jobs.Sum(j => j.OtherThread) > 0, "no block ran on a helper thread");
        }
        finally
        {
            BlockParallel.ThreadCount = saved;
        }
    }
}
