import { measureInChild } from "../child.js";
import { synthLikeTheCli } from "../synth-run.js";

// slocc synth into an empty output: compile, then write cdktf.out.
measureInChild(
  (args) => args,
  ({ dir, out }) => synthLikeTheCli(dir, out, "synth"),
);
