import { builtInFramework } from './src/frameworks/load';
import { CategoryNames } from './src/engine/mapping/categoryNames';
import { wordWeights } from './src/engine/mapping/labelText';
const fw = builtInFramework('cambridgeshire');
const w = wordWeights(['a']);
for (const [k, t] of [['age','Under 18'],['age','18 – 24'],['age','65 and over'],['age','Not known'],['crime','Stalking / harassment'],['crime','ASB'],['gender','Prefer not to say / not known'],['sexual_orientation','Heterosexual / straight'],['ethnicity','Black / African / Caribbean / Black British'],['ethnicity','Mixed / multiple ethnic groups'], ['crime','Crime type not recorded'], ['source', 'Source not recorded']] as const)
  console.log(k, t, new CategoryNames(fw, k, w).find(t));
