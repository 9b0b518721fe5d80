#include "shapes.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>

namespace shapes {

bool operator==(const Point &a, const Point &b) {
    return a.x == b.x && a.y == b.y;
}

double signed_area(const std::vector<Point> &polygon) {
    double sum = 0;
    for (std::size_t i = 0; i < polygon.size(); ++i) {
        const Point &a = polygon[i];
        const Point &b = polygon[(i + 1) % polygon.size()];
        sum += a.x * b.y - b.x * a.y;
    }
    return sum / 2;
}

double area(const std::vector<Point> &polygon) {
    return std::fabs(signed_area(polygon));
}

double perimeter(const std::vector<Point> &polygon) {
    double total = 0;
    for (std::size_t i = 0; i < polygon.size(); ++i) {
        const Point &a = polygon[i];
        const Point &b = polygon[(i + 1) % polygon.size()];
        total += std::hypot(b.x - a.x, b.y - a.y);
    }
    return total;
}

static double cross(const Point &o, const Point &a, const Point &b) {
    return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

std::vector<Point> convex_hull(std::vector<Point> points) {
    std::sort(points.begin(), points.end(), [](const Point &a, const Point &b) {
        return a.x < b.x || (a.x == b.x && a.y < b.y);
    });
    points.erase(std::unique(points.begin(), points.end()), points.end());
    if (points.size() < 3) {
        return points;
    }
    std::vector<Point> hull(2 * points.size());
    std::size_t k = 0;
    for (std::size_t i = 0; i < points.size(); ++i) {
        while (k >= 2 && cross(hull[k - 2], hull[k - 1], points[i]) <= 0) --k;
        hull[k++] = points[i];
    }
    for (std::size_t i = points.size() - 1, t = k + 1; i > 0; --i) {
        while (k >= t && cross(hull[k - 2], hull[k - 1], points[i - 1]) <= 0) --k;
        hull[k++] = points[i - 1];
    }
    hull.resize(k - 1);
    return hull;
}

std::vector<Point> parse_points(const std::string &text) {
    std::vector<Point> out;
    std::istringstream in(text);
    std::string pair;
    while (in >> pair) {
        auto comma = pair.find(',');
        if (comma == std::string::npos) {
            throw std::invalid_argument("expected x,y but got '" + pair + "'");
        }
        out.push_back({std::stod(pair.substr(0, comma)), std::stod(pair.substr(comma + 1))});
    }
    return out;
}

}  // namespace shapes
