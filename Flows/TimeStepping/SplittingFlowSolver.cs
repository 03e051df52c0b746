using PdeFlows.Flows.Energies;
using PdeFlows.Flows.Reactions;

namespace PdeFlows.Flows.TimeStepping;

/// <summary>
/// Advances a nodal density by operator splitting of a reaction (Fisher–Rao part) and a transport
/// (Wasserstein part), math.md §5, and reports the diagnostics at the requested output times.
/// Either part may be absent (pure FR/SFR, or pure W). Output times are hit exactly: the step
/// before an output time is shortened when needed (the transport caches its factorization by step).
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
    private readonly double[] rate;
    private readonly double[] firstVariation;

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
        Scheme = scheme;
        NominalStep = step;
        rate = new double[setting.Count];
        firstVariation = new double[setting.Count];
    }

    /// <summary>The splitting scheme.</summary>
    public SplittingScheme Scheme { get; }

    /// <summary>The nominal step τ.</summary>
    public double NominalStep { get; }

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

    /// <summary>The diagnostics of a state.</summary>
    public FlowSnapshot Snapshot(FlowState state)
    {
        double min = double.PositiveInfinity;
        foreach (double u in state.Density)
        {
            min = Math.Min(min, u);
        }

        return new FlowSnapshot(state.Time, state.Step, (double[])state.Density.Clone(), energy.Value(state.Density, setting),
            setting.Mass(state.Density), Dissipation(state.Density), state.EdbDefect, min);
    }

    /// <summary>D_h(u): transport dissipation plus the reaction dissipation Σ m_i u_i ξ_i ρ_i.</summary>
    public double Dissipation(ReadOnlySpan<double> density)
    {
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

        return total;
    }

    /// <summary>
    /// Advances <paramref name="state"/> to <paramref name="endTime"/> (exactly), calling
    /// <paramref name="afterStep"/> after every accepted step (for progress and checkpoints).
    /// </summary>
    public FlowState AdvanceTo(FlowState state, double endTime, Action<FlowState>? afterStep = null, CancellationToken cancellation = default)
    {
        double[] u = (double[])state.Density.Clone();
        double[] trial = new double[u.Length];
        double t = state.Time, edb = state.EdbDefect, h = state.CurrentStep;
        int step = state.Step, rejected = state.Rejected;
        double energyNow = energy.Value(u, setting);
        // `strang` integrates D over the step by the trapezoidal rule (second order), `lie-ie` by the
        // right endpoint, which is what makes its per-step defect ≤ 0 for pure transport (math.md §5).
        bool trapezoidal = Scheme == SplittingScheme.Strang;
        double dissipationNow = trapezoidal ? Dissipation(u) : 0;
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
            double energyNext = energy.Value(u, setting);
            double dissipationNext = Dissipation(u);
            double dissipated = trapezoidal ? 0.5 * attempt * (dissipationNow + dissipationNext) : attempt * dissipationNext;
            edb += energyNext - energyNow + dissipated;
            energyNow = energyNext;
            dissipationNow = dissipationNext;
            // After a rejection the step grows back by doubling to the nominal step (math.md §5).
            h = halvings > 0 ? attempt : Math.Min(NominalStep, 2 * h);
            afterStep?.Invoke(new FlowState(t, step, u, edb, h, rejected));
        }

        return new FlowState(endTime, step, u, edb, h, rejected);
    }

    /// <summary>One splitting step from <paramref name="from"/> into <paramref name="to"/>; false if positivity or finiteness failed.</summary>
    private bool TryStep(double[] from, double[] to, double time, double h)
    {
        Array.Copy(from, to, from.Length);
        if (Scheme == SplittingScheme.LieImplicitEuler)
        {
            reaction?.Advance(to, h);
            transport?.Advance(to, time, h, TransportMethod.ImplicitEuler);
            return AllPositive(to);
        }

        reaction?.Advance(to, h / 2);
        transport?.Advance(to, time, h, TransportMethod.TrBdf2);
        if (!AllPositive(to))
        {
            return false;
        }

        reaction?.Advance(to, h / 2);
        return AllPositive(to);
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
