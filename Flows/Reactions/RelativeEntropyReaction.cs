using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using PdeFlows.Discretization.LinearAlgebra;

namespace PdeFlows.Flows.Reactions;

/// <summary>
/// The exact (closed-form) Fisher–Rao reaction of the relative entropy (math.md §4–5): with
/// ℓ = log(u/π), ℓ̇ = −β(ℓ − c) gives ℓ(s) = e^{−βs} ℓ(0) + const; the constant is 0 for FR and,
/// for SFR, the one that restores the lumped mass Σ m_i u_i (the mean subtraction only rescales).
/// One vectorized pass over the nodes (two for SFR), split in fixed blocks over the threads.
/// </summary>
public sealed class RelativeEntropyReaction : IReaction, INodalExactReaction
{
    private readonly NodalSetting setting;
    private readonly FisherRaoRate rate;
    private readonly ExpJob exponentiate;
    private readonly ScaleJob scale;

    /// <summary>Creates the reaction for weight β, spherical (SFR) or not (FR).</summary>
    public RelativeEntropyReaction(NodalSetting setting, double beta, bool spherical)
    {
        this.setting = setting;
        rate = new FisherRaoRate(Energies.RelativeEntropy.Instance, setting, beta, spherical);
        int blocks = BlockParallel.BlockCount(setting.Count);
        exponentiate = new ExpJob(setting, blocks);
        scale = new ScaleJob(blocks);
    }

    /// <summary>Reaction weight β.</summary>
    public double Beta => rate.Beta;

    /// <summary>Whether the mass is kept (SFR).</summary>
    public bool Spherical => rate.Spherical;

    /// <inheritdoc/>
    public void Rate(ReadOnlySpan<double> density, Span<double> rate) => this.rate.Rate(density, rate);

    /// <inheritdoc/>
    public ReactionStepReport Advance(Span<double> density, double duration)
    {
        Advance(density, density, [], duration);
        return ReactionStepReport.ClosedForm;
    }

    /// <inheritdoc/>
    public bool Advance(ReadOnlySpan<double> from, Span<double> to, ReadOnlySpan<double> logRatio, double duration)
    {
        unsafe
        {
            fixed (double* source = from, target = to, log = logRatio)
            {
                int blocks = BlockParallel.BlockCount(from.Length);
                exponentiate.Set(source, target, logRatio.IsEmpty ? null : log, from.Length, Math.Exp(-rate.Beta * duration), checkPositive: !rate.Spherical);
                BlockParallel.Run(blocks, exponentiate);
                if (!rate.Spherical)
                {
                    return exponentiate.AllPositive(blocks);
                }

                // u = π^{1−e^{−βs}} u₀^{e^{−βs}} up to the factor that restores the mass.
                scale.Set(target, from.Length, exponentiate.MassBefore(blocks) / exponentiate.MassAfter(blocks));
                BlockParallel.Run(blocks, scale);
                return scale.AllPositive(blocks);
            }
        }
    }

    /// <summary>to_i = π_i exp(d ℓ_i), ℓ_i = log(from_i/π_i) (or given); per block Σ m from, Σ m to and positivity.</summary>
    private sealed unsafe class ExpJob(NodalSetting setting, int blocks) : BlockJob
    {
        private readonly double[] before = new double[blocks], after = new double[blocks];
        private readonly bool[] positive = new bool[blocks];
        private double* from, to, log;
        private int length;
        private double decay;
        private bool check;

        public void Set(double* source, double* target, double* logRatio, int count, double factor, bool checkPositive)
        {
            from = source;
            to = target;
            log = logRatio;
            length = count;
            decay = factor;
            check = checkPositive;
        }

        public double MassBefore(int count) => OrderedSum(before, count);

        public double MassAfter(int count) => OrderedSum(after, count);

        public bool AllPositive(int count) => positive.AsSpan(0, count).IndexOf(false) < 0;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)] // fully optimized (vector log/exp inlined) from the first call
        public override void Run(int block)
        {
            int start = block * BlockParallel.BlockSize, end = Math.Min(length, start + BlockParallel.BlockSize);
            var u = new ReadOnlySpan<double>(from, end);
            var target = new Span<double>(to, end);
            var l = log is null ? default : new ReadOnlySpan<double>(log, end);
            ReadOnlySpan<double> pi = setting.Target[..end], m = setting.LumpedMass[..end];
            var d = Vector256.Create(decay);
            Vector256<double> massBefore = Vector256<double>.Zero, massAfter = Vector256<double>.Zero;
            var ok = Vector256<double>.AllBitsSet;
            for (int i = start; i < end; i += NodalVector.Width)
            {
                var ui = NodalVector.Load(u, i, 1);
                var p = NodalVector.Load(pi, i, 1);
                var mi = NodalVector.Load(m, i, 0);
                // Written through ℓ to keep tiny densities accurate.
                var li = log is null ? Vector256.Log(ui / p) : NodalVector.Load(l, i, 0);
                var v = p * Vector256.Exp(d * li);
                NodalVector.Store(v, target, i);
                massBefore += mi * ui;
                massAfter += mi * v;
                ok &= NodalVector.PositiveFinite(v);
            }

            before[block] = NodalVector.Sum(massBefore);
            after[block] = NodalVector.Sum(massAfter);
            positive[block] = !check || NodalVector.AllSet(ok);
        }
    }

    /// <summary>to_i *= s and positivity per block.</summary>
    private sealed unsafe class ScaleJob(int blocks) : BlockJob
    {
        private readonly bool[] positive = new bool[blocks];
        private double* to;
        private int length;
        private double factor;

        public void Set(double* target, int count, double scale)
        {
            to = target;
            length = count;
            factor = scale;
        }

        public bool AllPositive(int count) => positive.AsSpan(0, count).IndexOf(false) < 0;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)] // fully optimized (vector log/exp inlined) from the first call
        public override void Run(int block)
        {
            int start = block * BlockParallel.BlockSize, end = Math.Min(length, start + BlockParallel.BlockSize);
            var target = new Span<double>(to, end);
            var s = Vector256.Create(factor);
            var ok = Vector256<double>.AllBitsSet;
            for (int i = start; i < end; i += NodalVector.Width)
            {
                var v = NodalVector.Load(target, i, 1) * s;
                NodalVector.Store(v, target, i);
                ok &= NodalVector.PositiveFinite(v);
            }

            positive[block] = NodalVector.AllSet(ok);
        }
    }

    internal static double OrderedSum(double[] partials, int count)
    {
        double sum = 0;
        for (int b = 0; b < count; b++)
        {
            sum += partials[b];
        }

        return sum;
    }
}
