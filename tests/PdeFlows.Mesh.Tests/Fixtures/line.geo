Point(1) = {0, 0, 0, 0.25};
Point(2) = {1, 0, 0, 0.25};
Line(1) = {1, 2};
Physical Point("left") = {1};
Physical Point("right") = {2};
Physical Curve("rod") = {1};
