namespace PdeFlows.Flows.TimeStepping;

/// <summary>The diagnostics at an output time (math.md §5): energy, mass, dissipation D_h, cumulative EDB defect, minimum density.</summary>
/// <param name="Time">The time t.</param>
/// <param name="Step">Accepted steps so far.</param>
/// <param name="Density">A copy of the nodal density u(t).</param>
/// <param name="Energy">E_h(u).</param>
/// <param name="Mass">Σ m_i u_i.</param>
/// <param name="Dissipation">D_h(u) = transport + reaction dissipation.</param>
/// <param name="EdbDefect">Σ over steps of E^{n+1} − E^n + τ D_h(u^{n+1}) (`lie-ie`) or E^{n+1} − E^n + τ (D_h(u^n) + D_h(u^{n+1}))/2 (`strang`).</param>
/// <param name="MinDensity">min_i u_i.</param>
public sealed record FlowSnapshot(double Time, int Step, double[] Density, double Energy, double Mass, double Dissipation, double EdbDefect, double MinDensity);
