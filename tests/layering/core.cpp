int concordLayeringProbe() { return 0; }
