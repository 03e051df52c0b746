// The unit disk for examples/07-gmsh-domain.toml. Regenerate the checked-in mesh with
//   gmsh -2 examples/meshes/disk.geo -format msh41 -o examples/meshes/disk.msh
// (an ASCII .msh 4.1 file; PdeFlows reads 4.1 and 2.2 ASCII). lc = 0.1 gives a few hundred nodes.
lc = 0.1;
Point(1) = {0, 0, 0, lc};
Point(2) = {1, 0, 0, lc};
Point(3) = {0, 1, 0, lc};
Point(4) = {-1, 0, 0, lc};
Point(5) = {0, -1, 0, lc};
Circle(1) = {2, 1, 3};
Circle(2) = {3, 1, 4};
Circle(3) = {4, 1, 5};
Circle(4) = {5, 1, 2};
Curve Loop(1) = {1, 2, 3, 4};
Plane Surface(1) = {1};
Physical Surface("disk") = {1};
