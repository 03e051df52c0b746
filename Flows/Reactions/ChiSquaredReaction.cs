using System.Runtime.Intrinsics;
using PdeFlows.Discretization.LinearAlgebra;

namespace PdeFlows.Flows.Reactions;

/// <summary>
/// The exact Fisher–Rao reaction of χ² in the unbalanced case: r = u/π solves ṙ = −β r (r − 1), so
/// r(s) = 1 / (1 + (1/r₀ − 1) e^{−βs}) (math.md §4). The spherical case has a nonlocal constant and
/// no closed form; use <see cref="IntegratedReaction"/> with <see cref="FisherRaoRate"/> instead.
/// </summary>
public sealed class ChiSquaredReaction : IReaction, INodalExactReaction
{
    private readonly FisherRaoRate rate;
    private readonly RatioJob job;

    /// <summary>Creates the unbalanced χ² reaction with weight β.</summary>
    public ChiSquaredReaction(NodalSetting setting, double beta)
    {
        rate = new FisherRaoRate(Energies.ChiSquared.Instance, setting, beta, spherical: false);
        job = new RatioJob(setting, BlockParallel.BlockCount(setting.Count));
    }

    /// <summary>Reaction weight β.</summary>
    public double Beta => rate.Beta;

    /// <inheritdoc/>
    public void Rate(ReadOnlySpan<double> density, Span<double> rate) => this.rate.Rate(density, rate);

    /// <inheritdoc/>
    public ReactionStepReport Advance(Span<double> density, double duration)
    {
        Advance(density, density, [], duration);
        return ReactionStepReport.ClosedForm;
    }

    /// <inheritdoc/>
    /// <remarks>χ² needs no logarithm; <paramref name="logRatio"/> is ignored.</remarks>
    public unsafe bool Advance(ReadOnlySpan<double> from, Span<double> to, ReadOnlySpan<double> logRatio, double duration)
    {
        fixed (double* source = from, target = to)
        {
            int blocks = BlockParallel.BlockCount(from.Length);
            job.Set(source, target, from.Length, Math.Exp(-rate.Beta * duration));
            BlockParallel.Run(blocks, job);
            return job.AllPositive(blocks);
        }
    }

    /// <summary>to_i = π_i r₀ / (r₀ + (1 − r₀) e^{−βs}), r₀ = from_i/π_i: no division by a tiny r₀.</summary>
    private sealed unsafe class RatioJob(NodalSetting setting, int blocks) : BlockJob
    {
        private readonly bool[] positive = new bool[blocks];
        private double* from, to;
        private int length;
        private double decay;

        public void Set(double* source, double* target, int count, double factor)
        {
            from = source;
            to = target;
            length = count;
            decay = factor;
        }

        public bool AllPositive(int count) => positive.AsSpan(0, count).IndexOf(false) < 0;

        public override void Run(int block)
        {
            int start = block * BlockParallel.BlockSize, end = Math.Min(length, start + BlockParallel.BlockSize);
            var u = new ReadOnlySpan<double>(from, end);
            var target = new Span<double>(to, end);
            ReadOnlySpan<double> pi = setting.Target[..end];
            var d = Vector256.Create(decay);
            var one = Vector256.Create(1.0);
            var ok = Vector256<double>.AllBitsSet;
            for (int i = start; i < end; i += NodalVector.Width)
            {
                var p = NodalVector.Load(pi, i, 1);
                var r0 = NodalVector.Load(u, i, 1) / p;
                var v = p * r0 / (r0 + ((one - r0) * d));
                NodalVector.Store(v, target, i);
                ok &= NodalVector.PositiveFinite(v);
            }

            positive[block] = NodalVector.AllSet(ok);
        }
    }
}
