//! Unit tests of the planner on small pages.
