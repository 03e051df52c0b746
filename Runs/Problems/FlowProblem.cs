using PdeFlows.Discretization;
using PdeFlows.Flows;
using PdeFlows.Flows.Diagnostics;
using PdeFlows.Flows.Energies;
using PdeFlows.Flows.Reactions;
using PdeFlows.Flows.TimeStepping;
using PdeFlows.Flows.Transport;
using PdeFlows.Mesh;
using PdeFlows.Runs.Cases;

namespace PdeFlows.Runs.Problems;

/// <summary>
/// A case turned into the objects that solve it: the immutable <see cref="FlowDiscretization"/>
/// (mesh, space, nodal setting, target, initial density), the energy, and the solver resources —
/// reaction, transport (with its cached factorizations) and the splitting solver — which
/// <see cref="Dispose"/> releases; plus the output regions and the warnings of the build.
/// Built by <see cref="FlowProblemBuilder"/>; keep <see cref="Discretization"/> (not the problem)
/// once the run is over.
/// </summary>
public sealed class FlowProblem : IDisposable
{
    internal FlowProblem(
        CaseDefinition definition, FlowDiscretization discretization, IEnergy energy, IReaction? reaction, FiniteElementTransport? transport,
        SplittingFlowSolver solver, IReadOnlyList<(string Name, RegionIntegral Region)> regions, IReadOnlyList<double[]> probeEvaluationPoints,
        IReadOnlyList<string> warnings)
    {
        Definition = definition;
        Discretization = discretization;
        Energy = energy;
        Reaction = reaction;
        Transport = transport;
        Solver = solver;
        Regions = regions;
        ProbeEvaluationPoints = probeEvaluationPoints;
        Warnings = warnings;
    }

    /// <summary>The case this problem was built from.</summary>
    public CaseDefinition Definition { get; }

    /// <summary>The immutable discretization (mesh, space, setting, target, initial density).</summary>
    public FlowDiscretization Discretization { get; }

    /// <summary>The mesh.</summary>
    public SimplexMesh Mesh => Discretization.Mesh;

    /// <summary>The P1 space.</summary>
    public P1Space Space => Discretization.Space;

    /// <summary>Lumped masses and the nodal target.</summary>
    public NodalSetting Setting => Discretization.Setting;

    /// <summary>The driving energy (immutable; kept by run records beside the discretization).</summary>
    public IEnergy Energy { get; }

    /// <summary>The reaction part (null for the pure W flow).</summary>
    public IReaction? Reaction { get; }

    /// <summary>The transport part (null for FR and SFR); owns the factorizations.</summary>
    public FiniteElementTransport? Transport { get; }

    /// <summary>The splitting solver.</summary>
    public SplittingFlowSolver Solver { get; }

    /// <summary>The named output regions.</summary>
    public IReadOnlyList<(string Name, RegionIntegral Region)> Regions { get; }

    /// <summary>
    /// Where each probe of the case is evaluated: the probe itself, or — for a probe outside the mesh
    /// by less than <see cref="OutputGeometry.RelativeTolerance"/> of the domain's size — its nearest
    /// point on the mesh boundary. The summary reports the probes as written in the case.
    /// </summary>
    public IReadOnlyList<double[]> ProbeEvaluationPoints { get; }

    /// <summary>Things the user should know before trusting the run (e.g. the stiffness is not an M-matrix).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The linear solver backend of the transport, or that there is none.</summary>
    public string LinearSolverName => Transport?.LinearSolverDescription ?? "none (no transport part)";

    /// <inheritdoc/>
    public void Dispose() => Transport?.Dispose();
}
