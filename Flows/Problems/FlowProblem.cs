using PdeFlows.Discretization;
using PdeFlows.Flows.Cases;
using PdeFlows.Flows.Diagnostics;
using PdeFlows.Flows.Energies;
using PdeFlows.Flows.Reactions;
using PdeFlows.Flows.TimeStepping;
using PdeFlows.Flows.Transport;
using PdeFlows.Mesh;

namespace PdeFlows.Flows.Problems;

/// <summary>
/// A case turned into the objects that solve it: mesh, P1 space, nodal setting (lumped masses and
/// normalized target), energy, reaction and transport, the splitting solver, the initial density,
/// and the diagnostics (regions, probes). Built by <see cref="FlowProblemBuilder"/>.
/// </summary>
public sealed class FlowProblem : IDisposable
{
    internal FlowProblem(
        CaseDefinition definition, P1Space space, NodalSetting setting, SpatialFunction target, double normalization,
        IEnergy energy, IReaction? reaction, FiniteElementTransport? transport, SplittingFlowSolver solver,
        double[] initialDensity, int flooredInitialNodes, IReadOnlyList<(string Name, RegionIntegral Region)> regions, IReadOnlyList<string> warnings)
    {
        Definition = definition;
        Space = space;
        Setting = setting;
        Target = target;
        NormalizationConstant = normalization;
        Energy = energy;
        Reaction = reaction;
        Transport = transport;
        Solver = solver;
        InitialDensity = initialDensity;
        FlooredInitialNodes = flooredInitialNodes;
        Regions = regions;
        Warnings = warnings;
    }

    /// <summary>The case this problem was built from.</summary>
    public CaseDefinition Definition { get; }

    /// <summary>The mesh.</summary>
    public SimplexMesh Mesh => Space.Mesh;

    /// <summary>The P1 space.</summary>
    public P1Space Space { get; }

    /// <summary>Lumped masses and the nodal target.</summary>
    public NodalSetting Setting { get; }

    /// <summary>The normalized target density π(x).</summary>
    public SpatialFunction Target { get; }

    /// <summary>The normalizing constant: ∫ e^{−(V − V_min)} or ∫ (density expression) over the domain.</summary>
    public double NormalizationConstant { get; }

    /// <summary>The driving energy.</summary>
    public IEnergy Energy { get; }

    /// <summary>The reaction part (null for the pure W flow).</summary>
    public IReaction? Reaction { get; }

    /// <summary>The transport part (null for FR and SFR).</summary>
    public FiniteElementTransport? Transport { get; }

    /// <summary>The splitting solver.</summary>
    public SplittingFlowSolver Solver { get; }

    /// <summary>The initial nodal density (scaled to the requested mass).</summary>
    public double[] InitialDensity { get; }

    /// <summary>Nodes where the initial density was zero and was raised to a tiny positive floor (logarithms need u &gt; 0).</summary>
    public int FlooredInitialNodes { get; }

    /// <summary>The named output regions.</summary>
    public IReadOnlyList<(string Name, RegionIntegral Region)> Regions { get; }

    /// <summary>Things the user should know before trusting the run (e.g. the stiffness is not an M-matrix).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <inheritdoc/>
    public void Dispose() => Transport?.Dispose();
}
