namespace PdeFlows.Flows.Transport;

/// <summary>A source term f(t, x) evaluated at the nodes: writes f(t, x_i) into <paramref name="values"/>.</summary>
public delegate void NodalSource(double time, Span<double> values);
