// A stand-in for the tracker script: it does nothing and sends nothing.
