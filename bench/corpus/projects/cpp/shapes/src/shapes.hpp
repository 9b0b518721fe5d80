#pragma once
#include <string>
#include <vector>

namespace shapes {

struct Point {
    double x;
    double y;
};

bool operator==(const Point &a, const Point &b);

/** Signed area of a simple polygon by the shoelace formula (positive when counter-clockwise). */
double signed_area(const std::vector<Point> &polygon);
double area(const std::vector<Point> &polygon);
double perimeter(const std::vector<Point> &polygon);

/** Convex hull, counter-clockwise, starting at the lowest-leftmost point (Andrew's monotone chain). */
std::vector<Point> convex_hull(std::vector<Point> points);

/** "x,y x,y ..." -> points; throws std::invalid_argument on a malformed pair. */
std::vector<Point> parse_points(const std::string &text);

}  // namespace shapes
