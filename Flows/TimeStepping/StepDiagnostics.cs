using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using PdeFlows.Discretization.LinearAlgebra;
using PdeFlows.Flows.Energies;
using PdeFlows.Flows.Reactions;
using PdeFlows.Flows.Transport;

namespace PdeFlows.Flows.TimeStepping;

/// <summary>
/// E_h(u) and D_h(u) of the exact flows in two passes over the nodes (math.md §5), as the EDB
/// defect needs them after every step: pass 1 computes g = u/π and ξ (ℓ = log g for KL, one
/// logarithm per node, kept for the next reaction step; g − 1 for χ²), the energy and the sums for
/// the spherical mean c; pass 2 the reaction part β Σ m_i u_i ξ_i (ξ_i − c) and the transport part
/// α Σ_{i&lt;j} (−A_ij)(g_i − g_j)(ξ_i − ξ_j) from the nodal ξ. The generic path (energy.Value and
/// the reaction's rate) evaluates ξ once per node and term and a logarithm per matrix entry; this
/// one gives the same numbers up to round-off (summation order, a difference of nodal logarithms
/// instead of the logarithm of a ratio). Blocks are fixed and their partial sums added in order, so
/// the numbers do not depend on the thread count.
/// </summary>
internal sealed class StepDiagnostics
{
    private readonly NodalSetting setting;
    private readonly bool logarithmic;
    private readonly bool spherical;
    private readonly double beta;
    private readonly bool hasReaction;
    private readonly FiniteElementTransport? transport;
    private readonly double[] ratio, firstVariation;
    private readonly FirstPass first;
    private readonly SecondPass second;
    private readonly int blocks;

    private StepDiagnostics(NodalSetting setting, bool logarithmic, RelativeEntropyReaction? kl, ChiSquaredReaction? chi, FiniteElementTransport? transport)
    {
        this.setting = setting;
        this.logarithmic = logarithmic;
        this.transport = transport;
        hasReaction = kl is not null || chi is not null;
        beta = kl?.Beta ?? chi?.Beta ?? 0;
        spherical = kl?.Spherical ?? false;
        int n = setting.Count;
        ratio = new double[n];
        firstVariation = new double[n];
        blocks = BlockParallel.BlockCount(n);
        first = new FirstPass(this, blocks);
        second = new SecondPass(this, blocks);
    }

    /// <summary>ξ_i of the density last evaluated: log(u_i/π_i) for KL (bitwise what the exact reaction computes), u_i/π_i − 1 for χ².</summary>
    public ReadOnlySpan<double> FirstVariation => firstVariation;

    /// <summary>Whether <see cref="FirstVariation"/> is ℓ = log(u/π), which the KL reaction can reuse.</summary>
    public bool IsLogRatio => logarithmic;

    /// <summary>The fused evaluation for the exact KL or χ² flows, or null for other components (kernel reactions, MMD, integrated reactions).</summary>
    public static StepDiagnostics? TryCreate(NodalSetting setting, IEnergy energy, IReaction? reaction, ITransport? transport)
    {
        var fe = transport as FiniteElementTransport;
        if (transport is not null && fe is null)
        {
            return null;
        }

        if (energy is RelativeEntropy && reaction is null or RelativeEntropyReaction && fe is null or { Mobility: TransportMobility.Target })
        {
            return new StepDiagnostics(setting, true, reaction as RelativeEntropyReaction, null, fe);
        }

        if (energy is ChiSquared && reaction is null or ChiSquaredReaction && fe is null or { Mobility: TransportMobility.PreviousDensity })
        {
            return new StepDiagnostics(setting, false, null, reaction as ChiSquaredReaction, fe);
        }

        return null;
    }

    /// <summary>E_h(u) and D_h(u) = transport + reaction dissipation.</summary>
    public (double Energy, double Dissipation) Evaluate(ReadOnlySpan<double> density)
    {
        unsafe
        {
            fixed (double* u = density)
            {
                first.Density = u;
                BlockParallel.Run(blocks, first);
                double energy = Sum(first.Energy);
                double mean = spherical ? Sum(first.WeightedFirstVariation) / Sum(first.Mass) : 0;
                transport?.PrepareDissipation(density);
                second.Density = u;
                second.Mean = mean;
                BlockParallel.Run(blocks, second);
                double reactionPart = hasReaction ? beta * Sum(second.Reaction) : 0;
                double transportPart = transport is null ? 0 : transport.Alpha * Sum(second.Transport);
                return (logarithmic ? energy : 0.5 * energy, transportPart + reactionPart);
            }
        }
    }

    private double Sum(double[] partials)
    {
        double sum = 0;
        for (int b = 0; b < blocks; b++)
        {
            sum += partials[b];
        }

        return sum;
    }

    /// <summary>g, ξ and per block: energy integrand sums, Σ m u, Σ m u ξ.</summary>
    private sealed unsafe class FirstPass(StepDiagnostics owner, int blocks) : BlockJob
    {
        public readonly double[] Energy = new double[blocks], Mass = new double[blocks], WeightedFirstVariation = new double[blocks];

        public double* Density;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)] // fully optimized (vector log/exp inlined) from the first call
        public override void Run(int block)
        {
            int n = owner.ratio.Length;
            int start = block * BlockParallel.BlockSize, end = Math.Min(n, start + BlockParallel.BlockSize);
            var u = new ReadOnlySpan<double>(Density, end);
            Span<double> g = owner.ratio.AsSpan(0, end), xi = owner.firstVariation.AsSpan(0, end);
            ReadOnlySpan<double> pi = owner.setting.Target[..end], m = owner.setting.LumpedMass[..end];
            Vector256<double> energy = Vector256<double>.Zero, mass = Vector256<double>.Zero, weighted = Vector256<double>.Zero;
            var one = Vector256.Create(1.0);
            for (int i = start; i < end; i += NodalVector.Width)
            {
                var ui = NodalVector.Load(u, i, 1);
                var p = NodalVector.Load(pi, i, 1);
                var mi = NodalVector.Load(m, i, 0);
                var gi = ui / p;
                Vector256<double> x;
                if (owner.logarithmic)
                {
                    // KL(u‖π) integrand u log(u/π) − u + π.
                    x = Vector256.Log(gi);
                    energy += mi * (((ui * x) - ui) + p);
                }
                else
                {
                    // χ²: m π r², r = u/π − 1 (halved by the caller).
                    x = gi - one;
                    energy += mi * p * x * x;
                }

                NodalVector.Store(gi, g, i);
                NodalVector.Store(x, xi, i);
                mass += mi * ui;
                weighted += mi * ui * x;
            }

            Energy[block] = NodalVector.Sum(energy);
            Mass[block] = NodalVector.Sum(mass);
            WeightedFirstVariation[block] = NodalVector.Sum(weighted);
        }
    }

    /// <summary>Per block: Σ m u ξ (ξ − c) and the transport rows' Σ (−A_ij)(g_i − g_j)(ξ_i − ξ_j).</summary>
    private sealed unsafe class SecondPass(StepDiagnostics owner, int blocks) : BlockJob
    {
        public readonly double[] Reaction = new double[blocks], Transport = new double[blocks];

        public double* Density;

        public double Mean;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)] // fully optimized (vector log/exp inlined) from the first call
        public override void Run(int block)
        {
            int n = owner.ratio.Length;
            int start = block * BlockParallel.BlockSize, end = Math.Min(n, start + BlockParallel.BlockSize);
            if (owner.hasReaction)
            {
                var u = new ReadOnlySpan<double>(Density, end);
                ReadOnlySpan<double> xi = owner.firstVariation.AsSpan(0, end), m = owner.setting.LumpedMass[..end];
                var c = Vector256.Create(Mean);
                var sum = Vector256<double>.Zero;
                for (int i = start; i < end; i += NodalVector.Width)
                {
                    var x = NodalVector.Load(xi, i, 0);
                    sum += NodalVector.Load(m, i, 0) * NodalVector.Load(u, i, 0) * x * (x - c);
                }

                Reaction[block] = NodalVector.Sum(sum);
            }

            Transport[block] = owner.transport?.DissipationRows(owner.ratio, owner.firstVariation, start, end) ?? 0;
        }
    }
}
