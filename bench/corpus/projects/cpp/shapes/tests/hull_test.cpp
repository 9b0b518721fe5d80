#include <gtest/gtest.h>

#include "shapes.hpp"

using shapes::Point;

TEST(Hull, DropsInnerPoints) {
    std::vector<Point> points{{0, 0}, {2, 0}, {1, 1}, {2, 2}, {0, 2}};
    auto hull = shapes::convex_hull(points);
    EXPECT_EQ(4u, hull.size());
}

TEST(Hull, StartsAtLowestLeftmostCounterClockwise) {
    std::vector<Point> points{{2, 2}, {0, 2}, {0, 0}, {2, 0}};
    auto hull = shapes::convex_hull(points);
    ASSERT_EQ(4u, hull.size());
    EXPECT_EQ(0.0, hull[0].x);
    EXPECT_EQ(0.0, hull[0].y);
    EXPECT_EQ(2.0, hull[1].x) << "second hull point should be (2, 0)";
}

TEST(Hull, DropsCollinearPoints) {
    std::vector<Point> points{{0, 0}, {1, 0}, {2, 0}, {2, 2}, {0, 2}};
    EXPECT_EQ(4u, shapes::convex_hull(points).size());
}

TEST(Hull, TwoPointsStayTwo) {
    std::vector<Point> points{{0, 0}, {1, 1}, {0, 0}};
    EXPECT_EQ(2u, shapes::convex_hull(points).size());
}
