#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "shapes.hpp"

using shapes::Point;

TEST(Area, UnitSquare) {
    std::vector<Point> square{{0, 0}, {1, 0}, {1, 1}, {0, 1}};
    EXPECT_DOUBLE_EQ(1.0, shapes::area(square));
}

TEST(Area, ClockwiseIsNegativeSigned) {
    std::vector<Point> square{{0, 0}, {0, 1}, {1, 1}, {1, 0}};
    EXPECT_DOUBLE_EQ(-1.0, shapes::signed_area(square));
}

TEST(Area, Triangle) {
    std::vector<Point> triangle{{0, 0}, {4, 0}, {0, 3}};
    EXPECT_EQ(6.0, shapes::area(triangle));
}

TEST(Perimeter, Triangle345) {
    std::vector<Point> triangle{{0, 0}, {4, 0}, {0, 3}};
    EXPECT_NEAR(12.0, shapes::perimeter(triangle), 1e-12);
}

TEST(Parse, ReadsPairs) {
    auto points = shapes::parse_points("0,0 2.5,1 -1,4");
    ASSERT_EQ(3u, points.size());
    EXPECT_EQ(2.5, points[1].x);
    EXPECT_EQ(4.0, points[2].y);
}

TEST(Parse, RejectsAPairWithoutComma) {
    EXPECT_THROW(shapes::parse_points("0,0 12"), std::invalid_argument);
}

// A regular polygon with n corners on the unit circle: area n/2 sin(2 pi / n). SHAPES_BULK is not needed:
// the parameter list below is the whole table.
class RegularPolygon : public ::testing::TestWithParam<int> {};

TEST_P(RegularPolygon, AreaMatchesFormula) {
    const int n = GetParam();
    const double pi = std::acos(-1.0);
    std::vector<Point> polygon;
    for (int i = 0; i < n; ++i) {
        polygon.push_back({std::cos(2 * pi * i / n), std::sin(2 * pi * i / n)});
    }
    EXPECT_NEAR(n / 2.0 * std::sin(2 * pi / n), shapes::area(polygon), 1e-9);
}

INSTANTIATE_TEST_SUITE_P(Corners, RegularPolygon, ::testing::Range(3, 303));
