import { ensureBuild } from "./lib/build";

ensureBuild();
