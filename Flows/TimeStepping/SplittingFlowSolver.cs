using System.Diagnostics;
using PdeFlows.Flows.Energies;
using PdeFlows.Flows.Reactions;
using PdeFlows.Flows.Transport;

namespace PdeFlows.Flows.TimeStepping;

/// <summary>
/// Advances a nodal density by operator splitting of a reaction (Fisher–Rao part) and a transport
/// (Wasserstein part), math.md §5, accumulating the EDB defect step by step; <see cref="Snapshot"/>
/// gives the diagnostics of a state (the caller takes them at its output times). Either part may be
/// absent (pure FR/SFR, or pure W). Output times are hit exactly: the step before an output time is
/// shortened when needed (the transport caches its factorization by step). After the first call a
/// step allocates nothing; the exact KL and χ² flows take the fused paths (<see cref="StepDiagnostics"/>,
/// <see cref="INodalExactReaction"/>), other components the generic one.
/// </summary>
public sealed class SplittingFlowSolver
{
    private const int MaxHalvings = 30;

    /// <summary>Relative size of the round-off in the accumulated time t that is treated as zero (a time shift far below any discretization error).</summary>
    private const double RoundOffTolerance = 1e-10;

    private readonly NodalSetting setting;
    private readonly IEnergy energy;
    private readonly IReaction? reaction;
    private readonly ITransport? transport;
    private readonly INodalExactReaction? exactReaction;
    private readonly FiniteElementTransport? finiteElementTransport;
    private readonly StepDiagnostics? diagnostics;
    private readonly double[] rate;
    private readonly double[] firstVariation;
    private double[] scratch;

    /// <summary>The array whose ℓ = log(u/π) the diagnostics hold (null when unknown).</summary>
    private double[]? logRatioOf;

    /// <summary>Creates the solver.</summary>
    /// <param name="setting">Lumped masses and nodal target.</param>
    /// <param name="energy">The driving energy (for diagnostics and the reaction dissipation).</param>
    /// <param name="reaction">The reaction part, or null for pure transport.</param>
    /// <param name="transport">The transport part, or null for pure reaction.</param>
    /// <param name="scheme">`lie-ie` or `strang`.</param>
    /// <param name="step">The nominal time step τ &gt; 0.</param>
    public SplittingFlowSolver(NodalSetting setting, IEnergy energy, IReaction? reaction, ITransport? transport, SplittingScheme scheme, double step)
    {
        if (!(step > 0) || !double.IsFinite(step))
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "the time step must be positive and finite");
        }

        if (reaction is null && transport is null)
        {
            throw new ArgumentException("a flow needs a reaction, a transport, or both");
        }

        this.setting = setting;
        this.energy = energy;
        this.reaction = reaction;
        this.transport = transport;
        exactReaction = reaction as INodalExactReaction;
        finiteElementTransport = transport as FiniteElementTransport;
        diagnostics = StepDiagnostics.TryCreate(setting, energy, reaction, transport);
        Scheme = scheme;
        NominalStep = step;
        rate = new double[setting.Count];
        firstVariation = new double[setting.Count];
        scratch = new double[setting.Count];
    }

    /// <summary>The splitting scheme.</summary>
    public SplittingScheme Scheme { get; }

    /// <summary>The nominal step τ.</summary>
    public double NominalStep { get; }

    /// <summary>When set, the time of every step is added to it by phase.</summary>
    public StepProfile? Profile { get; set; }

    /// <summary>The starting state for an initial density (which must be positive and finite).</summary>
    public FlowState InitialState(ReadOnlySpan<double> initial)
    {
        for (int i = 0; i < initial.Length; i++)
        {
            if (!(initial[i] > 0) || !double.IsFinite(initial[i]))
            {
                throw new ArgumentException($"the initial density must be positive and finite at every node; node {i} has {initial[i]}");
            }
        }

        return new FlowState(0, 0, initial.ToArray(), 0, NominalStep, 0);
    }

    /// <summary>The diagnostics of a state (with a copy of its density).</summary>
    public FlowSnapshot Snapshot(FlowState state)
    {
        double min = double.PositiveInfinity;
        foreach (double u in state.Density)
        {
            min = Math.Min(min, u);
        }

        logRatioOf = null;
        var (e, d) = Evaluate(state.Density);
        return new FlowSnapshot(state.Time, state.Step, (double[])state.Density.Clone(), e, setting.Mass(state.Density), d, state.EdbDefect, min);
    }

    /// <summary>D_h(u): transport dissipation plus the reaction dissipation Σ m_i u_i ξ_i ρ_i.</summary>
    public double Dissipation(ReadOnlySpan<double> density)
    {
        logRatioOf = null;
        return Evaluate(density).Dissipation;
    }

    /// <summary>
    /// Advances <paramref name="state"/> to <paramref name="endTime"/> (exactly), calling
    /// <paramref name="afterStep"/> after every accepted step (for progress and checkpoints; the
    /// density it sees is valid during the call only).
    /// </summary>
    public FlowState AdvanceTo(FlowState state, double endTime, Action<FlowState>? afterStep = null, CancellationToken cancellation = default)
    {
        // The returned state owns u; the solver keeps the other buffer as its scratch.
        double[] u = (double[])state.Density.Clone();
        double[] trial = scratch;
        double t = state.Time, edb = state.EdbDefect, h = state.CurrentStep;
        int step = state.Step, rejected = state.Rejected;
        var (energyNow, dissipationNow) = Evaluate(u);
        logRatioOf = u;
        // `strang` integrates D over the step by the trapezoidal rule (second order), `lie-ie` by the
        // right endpoint, which is what makes its per-step defect ≤ 0 for pure transport (math.md §5).
        bool trapezoidal = Scheme == SplittingScheme.Strang;
        while (endTime - t > 1e-12 * Math.Max(1, Math.Abs(endTime)))
        {
            cancellation.ThrowIfCancellationRequested();
            double remaining = endTime - t;
            double attempt = Math.Min(h, remaining);
            // Avoid a sliver step: stretch a step that would leave less than 1% of τ.
            bool last = remaining - attempt < 0.01 * NominalStep;
            if (last)
            {
                // A remainder equal to h up to the round-off accumulated in t keeps h exactly, so the
                // cached factorizations are reused instead of refactoring before every output time.
                attempt = Math.Abs(remaining - h) <= RoundOffTolerance * Math.Max(h, Math.Abs(endTime)) ? h : remaining;
            }

            int halvings = 0;
            while (!TryStep(u, trial, t, attempt))
            {
                rejected++;
                if (++halvings > MaxHalvings)
                {
                    throw new FlowFailedException(t, step + 1, $"the density did not stay positive even after {MaxHalvings} step halvings (last step {attempt:G3}); the transport matrix may not be an M-matrix (obtuse mesh)");
                }

                attempt /= 2;
                last = false;
            }

            (u, trial) = (trial, u);
            t = last ? endTime : t + attempt;
            step++;
            long start = Stopwatch.GetTimestamp();
            var (energyNext, dissipationNext) = Evaluate(u);
            logRatioOf = u;
            double dissipated = trapezoidal ? 0.5 * attempt * (dissipationNow + dissipationNext) : attempt * dissipationNext;
            edb += energyNext - energyNow + dissipated;
            energyNow = energyNext;
            dissipationNow = dissipationNext;
            // After a rejection the step grows back by doubling to the nominal step (math.md §5).
            h = halvings > 0 ? attempt : Math.Min(NominalStep, 2 * h);
            long afterDiagnostics = Stopwatch.GetTimestamp();
            afterStep?.Invoke(new FlowState(t, step, u, edb, h, rejected));
            if (Profile is { } profile)
            {
                profile.Add(StepPhase.Diagnostics, start, afterDiagnostics);
                profile.Add(StepPhase.Callback, afterDiagnostics, Stopwatch.GetTimestamp());
            }
        }

        scratch = trial;
        return new FlowState(endTime, step, u, edb, h, rejected);
    }

    /// <summary>E_h(u) and D_h(u); for the exact flows by the fused passes, which also leave ℓ = log(u/π) for the next reaction.</summary>
    private (double Energy, double Dissipation) Evaluate(ReadOnlySpan<double> density)
    {
        if (diagnostics is not null)
        {
            return diagnostics.Evaluate(density);
        }

        double total = transport?.Dissipation(density) ?? 0;
        if (reaction is not null)
        {
            reaction.Rate(density, rate);
            energy.FirstVariation(density, setting, firstVariation);
            ReadOnlySpan<double> m = setting.LumpedMass;
            for (int i = 0; i < density.Length; i++)
            {
                total += m[i] * density[i] * firstVariation[i] * rate[i];
            }
        }

        return (energy.Value(density, setting), total);
    }

    /// <summary>One splitting step from <paramref name="from"/> into <paramref name="to"/>; false if positivity or finiteness failed.</summary>
    private bool TryStep(double[] from, double[] to, double time, double h)
    {
        if (Profile is { } profile)
        {
            profile.Steps++;
        }

        var method = Scheme == SplittingScheme.LieImplicitEuler ? TransportMethod.ImplicitEuler : TransportMethod.TrBdf2;
        double firstReaction = Scheme == SplittingScheme.LieImplicitEuler ? h : h / 2;
        if (reaction is null)
        {
            return Transport(from, to, time, h, method);
        }

        bool positive = React(from, to, firstReaction, first: true) && (transport is null || Transport(to, to, time, h, method));
        return Scheme == SplittingScheme.LieImplicitEuler ? positive : positive && React(to, to, h / 2, first: false);
    }

    /// <summary>The reaction over <paramref name="duration"/> from <paramref name="from"/> into <paramref name="to"/> (a copy when there is none); whether the result is positive.</summary>
    private bool React(double[] from, double[] to, double duration, bool first)
    {
        long start = Stopwatch.GetTimestamp();
        bool positive;
        if (exactReaction is not null)
        {
            // At the start of a step `from` is the state the diagnostics last evaluated: reuse its ℓ.
            var log = first && ReferenceEquals(from, logRatioOf) && diagnostics is { IsLogRatio: true } ? diagnostics.FirstVariation : [];
            positive = exactReaction.Advance(from, to, log, duration);
        }
        else
        {
            from.AsSpan().CopyTo(to);
            reaction!.Advance(to, duration);
            positive = AllPositive(to);
        }

        Profile?.Add(StepPhase.Reaction, start, Stopwatch.GetTimestamp());
        return positive;
    }

    private bool Transport(double[] from, double[] to, double time, double h, TransportMethod method)
    {
        long start = Stopwatch.GetTimestamp();
        bool positive;
        if (finiteElementTransport is not null)
        {
            positive = finiteElementTransport.Advance(from, to, time, h, method);
        }
        else
        {
            from.AsSpan().CopyTo(to);
            transport!.Advance(to, time, h, method);
            positive = AllPositive(to);
        }

        Profile?.Add(StepPhase.Transport, start, Stopwatch.GetTimestamp());
        return positive;
    }

    private static bool AllPositive(double[] u)
    {
        foreach (double v in u)
        {
            if (!(v > 0) || !double.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }
}
