namespace PdeFlows.Discretization.LinearAlgebra;

/// <summary>
/// Work split into a fixed number of blocks (the block boundaries depend on the problem size only,
/// never on the thread count), run by <see cref="BlockParallel"/>. A reduction writes one partial
/// result per block and the caller adds the partials in block order, so every floating-point
/// result is the same for any number of threads.
/// </summary>
public abstract class BlockJob
{
    /// <summary>Does the work of block <paramref name="block"/> (called once per block, on any thread).</summary>
    public abstract void Run(int block);
}

/// <summary>
/// A deterministic, allocation-free parallel loop over blocks on a process-wide team of worker
/// threads (the caller works too; a worker spins briefly in its semaphore before it sleeps). When the team is busy
/// (two solvers in one process), the caller runs every block itself: the result is the same.
/// </summary>
public static class BlockParallel
{
    /// <summary>Elements per block of a nodal loop (a multiple of every vector width; 32 KiB of doubles).</summary>
    public const int BlockSize = 4096;

    /// <summary>1 while a job runs on the team (taken with a compare-exchange: nested or concurrent calls run serially).</summary>
    private static int busy;
    private static int threadCount = Math.Max(1, Environment.ProcessorCount);
    private static Team? team;

    /// <summary>
    /// Threads used by <see cref="Run"/> (the caller included; default: the logical processor count).
    /// Results do not depend on it; the command line's <c>--threads</c> sets it.
    /// </summary>
    public static int ThreadCount
    {
        get => threadCount;
        set => threadCount = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "the thread count must be at least 1");
    }

    /// <summary>Number of blocks of <see cref="BlockSize"/> elements covering <paramref name="length"/> elements.</summary>
    public static int BlockCount(int length) => Math.Max(1, (length + BlockSize - 1) / BlockSize);

    /// <summary>Runs <paramref name="job"/> for blocks 0 … <paramref name="blockCount"/> − 1 and returns when all are done.</summary>
    public static void Run(int blockCount, BlockJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        int threads = Math.Min(threadCount, blockCount);
        if (threads <= 1 || Interlocked.CompareExchange(ref busy, 1, 0) != 0)
        {
            for (int b = 0; b < blockCount; b++)
            {
                job.Run(b);
            }

            return;
        }

        try
        {
            team ??= new Team();
            team.Run(blockCount, job, threads - 1);
        }
        finally
        {
            Volatile.Write(ref busy, 0);
        }
    }

    /// <summary>Background threads waiting for jobs; one job at a time (guarded by <see cref="busy"/>).</summary>
    private sealed class Team
    {
        private readonly List<Thread> threads = [];
        private readonly SemaphoreSlim wake = new(0);
        private BlockJob? job;
        private int blockCount;
        private int nextBlock;
        private int busyWorkers;
        private int generation;
        private Exception? failure;

        public void Run(int blocks, BlockJob work, int helpers)
        {
            while (threads.Count < helpers)
            {
                var thread = new Thread(WorkerLoop) { IsBackground = true, Name = $"PdeFlows block worker {threads.Count + 1}" };
                threads.Add(thread);
                thread.Start();
            }

            job = work;
            blockCount = blocks;
            failure = null;
            Volatile.Write(ref nextBlock, 0);
            Volatile.Write(ref busyWorkers, helpers);
            Interlocked.Increment(ref generation);
            wake.Release(helpers);
            Work();
            var spin = default(SpinWait);
            while (Volatile.Read(ref busyWorkers) > 0)
            {
                spin.SpinOnce(sleep1Threshold: -1);
            }

            job = null;
            if (failure is not null)
            {
                throw new AggregateException("a parallel block failed", failure);
            }
        }

        private void Work()
        {
            var work = job!;
            int block;
            while ((block = Interlocked.Increment(ref nextBlock) - 1) < blockCount)
            {
                try
                {
                    work.Run(block);
                }
                catch (Exception e)
                {
                    failure ??= e;
                }
            }
        }

        private void WorkerLoop()
        {
            while (true)
            {
                wake.Wait();
                Work();
                Interlocked.Decrement(ref busyWorkers);
            }
        }
    }
}
