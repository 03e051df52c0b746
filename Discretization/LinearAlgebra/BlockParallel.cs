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

    /// <summary>
    /// <paramref name="body"/>(0 … <paramref name="count"/> − 1) on the thread pool with at most
    /// <see cref="ThreadCount"/> threads, or on the calling thread when there is a single iteration:
    /// one block of cells does not repay starting the task machinery (a run's start-up on a small
    /// mesh). For loops whose iterations write separate partial results, summed in order afterwards.
    /// </summary>
    public static void For(int count, Action<int> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (count <= 1)
        {
            if (count == 1)
            {
                body(0);
            }

            return;
        }

        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = threadCount }, body);
    }

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

    /// <summary>
    /// Background threads waiting for jobs; one job at a time (guarded by <see cref="busy"/>). Blocks
    /// are claimed from a ticket that carries the job's generation, and the caller waits only for the
    /// blocks that were claimed: a helper that wakes late (its core busy with another process) finds
    /// the job done and goes back to sleep, instead of the caller waiting for it to wake.
    /// </summary>
    private sealed class Team
    {
        private readonly List<Thread> threads = [];
        private readonly SemaphoreSlim wake = new(0);
        private readonly Slot[] slots = [new(), new()];
        private long ticket; // generation << 32 | next block
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

            // Generation g uses slot g mod 2; slot g mod 2 is rewritten for g + 2 only after every block
            // of g + 1 is done, hence after every block of g: a claim (a successful compare-exchange on
            // the ticket of g) always finds the slot holding g.
            int g = ++generation;
            var slot = slots[g & 1];
            slot.Job = work;
            slot.Count = blocks;
            slot.Completed = 0;
            failure = null;
            Volatile.Write(ref ticket, (long)g << 32);
            wake.Release(helpers);
            Work();
            var spin = default(SpinWait);
            while (Volatile.Read(ref slot.Completed) < blocks)
            {
                spin.SpinOnce(sleep1Threshold: -1);
            }

            slot.Job = null;
            if (failure is not null)
            {
                throw new AggregateException("a parallel block failed", failure);
            }
        }

        private void Work()
        {
            while (true)
            {
                long claimed = Volatile.Read(ref ticket);
                var slot = slots[(int)(claimed >> 32) & 1];
                int block = (int)claimed;
                if (block >= Volatile.Read(ref slot.Count))
                {
                    return;
                }

                if (Interlocked.CompareExchange(ref ticket, claimed + 1, claimed) != claimed)
                {
                    continue;
                }

                try
                {
                    slot.Job!.Run(block);
                }
                catch (Exception e)
                {
                    failure ??= e;
                }

                Interlocked.Increment(ref slot.Completed);
            }
        }

        private void WorkerLoop()
        {
            while (true)
            {
                wake.Wait();
                Work();
            }
        }

        /// <summary>One generation's job.</summary>
        private sealed class Slot
        {
            public BlockJob? Job;
            public int Count;
            public int Completed;
        }
    }
}
