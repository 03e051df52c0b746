SetFactory("OpenCASCADE");
Box(1) = {0, 0, 0, 1, 1, 1};
MeshSize{:} = 1.0;
Physical Surface("bottom") = {5};
Physical Surface("sides") = {1, 2, 3, 4, 6};
Physical Volume("cube") = {1};
